export interface MembershipRepository {
  /** Whether the user (Cognito sub) is a member of the organisation. */
  isMember(orgId: string, sub: string): Promise<boolean>;
}
