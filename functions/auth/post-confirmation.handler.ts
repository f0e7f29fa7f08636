import {
  AdminAddUserToGroupCommand,
  CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import type { PostConfirmationTriggerEvent } from 'aws-lambda';
import type { Group } from '../../shared/domain/roles.ts';

// Cognito PostConfirmation trigger: whoever registers themselves and confirms the emailed code is an
// applicant (staff accounts are made by admins, with their groups). On AWS the user pool calls it; locally
// cognito-local does, through the local Lambda endpoint (infra/local/lambda-endpoint.ts).

const cognito = new CognitoIdentityProviderClient({});
const SELF_REGISTERED: Group = 'applicant';

export async function handler(event: PostConfirmationTriggerEvent): Promise<PostConfirmationTriggerEvent> {
  // A confirmed password reset also fires this trigger; it changes nobody's groups.
  if (event.triggerSource === 'PostConfirmation_ConfirmSignUp') {
    // Adding a member twice is no error, so a retried trigger does no harm.
    await cognito.send(
      new AdminAddUserToGroupCommand({
        UserPoolId: event.userPoolId,
        Username: event.userName,
        GroupName: SELF_REGISTERED,
      }),
    );
  }
  return event;
}
