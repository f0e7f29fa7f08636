import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import type { PreTokenGenerationTriggerEvent } from 'aws-lambda';
import { CognitoMfaEnrolment } from '../../shared/adapters/cognito-mfa-enrolment.ts';
import { tokenGroups } from '../../shared/use-cases/auth/token-groups.ts';

// Cognito pre-token-generation trigger: staff groups only for users with a second factor (see
// shared/domain/staff-mfa.ts). Locally cognito-local calls it too, but hands it no groups, so nothing is
// withheld there (TOTP itself can be set up and is asked for at sign-in locally too).

const deps = { mfa: new CognitoMfaEnrolment(new CognitoIdentityProviderClient({})) };

export async function handler(
  event: PreTokenGenerationTriggerEvent,
): Promise<PreTokenGenerationTriggerEvent> {
  const groups = event.request.groupConfiguration?.groupsToOverride ?? [];
  const decided = await tokenGroups(deps, {
    userPoolId: event.userPoolId,
    username: event.userName,
    groups,
  });
  if (decided.withheld.length > 0) {
    console.log(
      JSON.stringify({ message: 'staff groups withheld: no MFA set up', withheld: decided.withheld }),
    );
    event.response = {
      claimsOverrideDetails: {
        groupOverrideDetails: { groupsToOverride: decided.groups },
        // Names the withheld groups in the ID token, so the portal offers the authenticator setup.
        claimsToAddOrOverride: decided.claimsToAdd,
      },
    };
  }
  return event;
}
