// Local stand-ins for the AWS services, each started and stopped on its own. startLocalStack() wires them.
export { killAllChildrenSync } from './child-processes.ts';
export {
  type CognitoLocalHandle,
  type CognitoLocalOptions,
  cognitoClient,
  startCognitoLocal,
} from './cognito-local.ts';
export {
  type DynamoDbLocalHandle,
  type DynamoDbLocalOptions,
  localDynamoDbClientConfig,
  startDynamoDbLocal,
} from './dynamodb-local.ts';
export { freePort } from './free-port.ts';
export {
  type CreateBucketOptions,
  type LocalS3ClientConfig,
  localS3ClientConfig,
  type ObjectCreatedListener,
  type S3LocalHandle,
  type S3LocalOptions,
  startS3Local,
} from './s3-local.ts';
export {
  localSesClientConfig,
  type SentAttachment,
  type SentEmail,
  type SesLocalHandle,
  type SesLocalOptions,
  startSesLocal,
} from './ses-local.ts';
export { LOCAL_CREDENTIALS, LOCAL_REGION, type ServiceHandle } from './types.ts';
