import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { documentClient, tableName } from '#shared/adapters/clients.ts';
import { CognitoStaffAccounts, userPoolId } from '#shared/adapters/cognito-staff-accounts.ts';
import { DynamoDbStaffDirectory } from '#shared/adapters/dynamodb/dynamodb-review-repository.ts';
import { updateStaffOperation } from '#shared/api/operations/staff.ts';
import { systemClock } from '#shared/domain/clock.ts';
import { httpHandler } from '#shared/http/http-handler.ts';
import { updateStaff } from '#shared/use-cases/staff/update-staff.ts';

const deps = {
  accounts: new CognitoStaffAccounts(new CognitoIdentityProviderClient({}), userPoolId()),
  staff: new DynamoDbStaffDirectory(documentClient, tableName()),
  clock: systemClock,
};

export const handler = httpHandler(updateStaffOperation, async ({ params, body, caller }) => ({
  status: 200,
  body: await updateStaff(deps, caller, params.sub, body),
}));
