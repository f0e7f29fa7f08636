import { describe, expect, it } from 'vitest';
import {
  groupsForToken,
  WITHHELD_GROUPS_CLAIM,
  withheldGroupsClaims,
  withheldGroupsFromClaim,
} from '../../../shared/domain/staff-mfa.ts';

describe('the withheld-groups claim: staff without a second factor are told what they are missing', () => {
  it('names the withheld staff groups, space-separated, under foerderflow:withheld_groups', () => {
    const { withheld } = groupsForToken(['applicant', 'reviewer', 'approver'], false);
    expect(withheldGroupsClaims(withheld)).toEqual({ 'foerderflow:withheld_groups': 'reviewer approver' });
    expect(WITHHELD_GROUPS_CLAIM).toBe('foerderflow:withheld_groups');
  });

  it('adds no claim when nothing is withheld', () => {
    expect(withheldGroupsClaims(groupsForToken(['reviewer'], true).withheld)).toEqual({});
    expect(withheldGroupsClaims([])).toEqual({});
  });

  it('reads the groups back from the claim as the portal sees it, and nothing from a missing claim', () => {
    const claims: Record<string, unknown> = withheldGroupsClaims(['approver', 'admin']);
    expect(withheldGroupsFromClaim(claims[WITHHELD_GROUPS_CLAIM])).toEqual(['approver', 'admin']);
    expect(withheldGroupsFromClaim(undefined)).toEqual([]);
    expect(withheldGroupsFromClaim('')).toEqual([]);
  });
});
