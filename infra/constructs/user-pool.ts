import { ArnFormat, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import {
  AccountRecovery,
  CfnUserPoolGroup,
  UserPool,
  type UserPoolClient,
  UserPoolOperation,
  VerificationEmailStyle,
} from 'aws-cdk-lib/aws-cognito';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { PASSWORD_POLICY } from '../../shared/domain/password-policy.ts';
import { GROUPS } from '../../shared/domain/roles.ts';
import { AppFunction } from './app-function.ts';

export interface SignInProps {
  retain: boolean;
}

/**
 * Sign-in: a Cognito user pool with the four groups and one app client for the web apps. Sign-in uses
 * USER_PASSWORD_AUTH, which AWS and the local stand-in both support.
 */
export class SignIn extends Construct {
  readonly userPool: UserPool;
  readonly webClient: UserPoolClient;

  constructor(scope: Construct, id: string, props: SignInProps) {
    super(scope, id);
    this.userPool = new UserPool(this, 'UserPool', {
      selfSignUpEnabled: true,
      signInAliases: { email: true },
      autoVerify: { email: true },
      // The confirmation code email (locally the stack renders the same text into the mail viewer).
      userVerification: {
        emailStyle: VerificationEmailStyle.CODE,
        emailSubject: 'foerderflow: Ihr Bestätigungscode / your confirmation code',
        emailBody:
          'Ihr Bestätigungscode für foerderflow lautet {####}. Geben Sie ihn im Portal ein, um Ihr Konto zu bestätigen. — Your foerderflow confirmation code is {####}. Enter it in the portal to confirm your account.',
      },
      standardAttributes: { email: { required: true, mutable: true } },
      // The portal checks the same policy before sign-up (shared/domain/password-policy.ts).
      passwordPolicy: { ...PASSWORD_POLICY },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      removalPolicy: props.retain ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    this.webClient = this.userPool.addClient('WebClient', {
      authFlows: { userPassword: true },
      generateSecret: false,
      idTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.days(1),
      preventUserExistenceErrors: true,
    });
    for (const group of GROUPS) {
      new CfnUserPoolGroup(this, `${group}Group`, { userPoolId: this.userPool.userPoolId, groupName: group });
    }

    // Self-registered users become applicants once they confirm their email. The trigger lives with the
    // pool (this stack) because the pool must name it; locally cognito-local calls the same handler.
    const postConfirmation = new AppFunction(this, 'PostConfirmation', {
      entry: 'functions/auth/post-confirmation.handler.ts',
      description: 'Puts a self-registered, confirmed user into the applicant group',
    });
    this.userPool.addTrigger(UserPoolOperation.POST_CONFIRMATION, postConfirmation);
    // Any pool of this account and region, not this pool's ARN: the pool refers to the function, so the
    // function's policy cannot refer back to the pool (a circular dependency). The handler only acts on
    // the pool that invoked it.
    postConfirmation.addToRolePolicy(
      new PolicyStatement({
        actions: ['cognito-idp:AdminAddUserToGroup'],
        resources: [
          Stack.of(this).formatArn({
            service: 'cognito-idp',
            resource: 'userpool',
            resourceName: '*',
            arnFormat: ArnFormat.SLASH_RESOURCE_NAME,
          }),
        ],
      }),
    );
  }
}
