import { ArnFormat, Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import {
  AccountRecovery,
  CfnUserPoolGroup,
  FeaturePlan,
  Mfa,
  StandardThreatProtectionMode,
  UserPool,
  type UserPoolClient,
  UserPoolEmail,
  UserPoolOperation,
  VerificationEmailStyle,
} from 'aws-cdk-lib/aws-cognito';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { flattenCfnReference } from 'cdk-nag/lib/utils/flatten-cfn-reference.js';
import { Construct } from 'constructs';
import { PASSWORD_POLICY } from '../../shared/domain/password-policy.ts';
import { GROUPS } from '../../shared/domain/roles.ts';
import { AppFunction } from './app-function.ts';

export interface SignInProps {
  removalPolicy: RemovalPolicy;
  /**
   * Send Cognito's emails (confirmation codes, password resets) through SES as this sender, with this
   * configuration set. Absent: Cognito's own mailer, which sends at most 50 emails a day — only for the
   * first deploy, until the SES identity is verified (Cognito refuses an unverified sender).
   */
  sesMail?: { from: string; verifiedDomain?: string; configurationSetName: string };
  /**
   * Plus tier with threat protection (compromised-credential and risk checks, enforced): prod. dev stays
   * on Essentials, which holds no real users and costs nothing up to 10,000 monthly users.
   */
  threatProtection: boolean;
}

/**
 * Sign-in: a Cognito user pool with the four groups and one app client for the web apps. Sign-in uses
 * USER_PASSWORD_AUTH, which AWS and the local stand-in both support.
 *
 * MFA for back-office staff: Cognito can only make MFA off, optional or required for the whole pool.
 * Required would force every association's treasurer to set up an authenticator app before applying,
 * so MFA is OPTIONAL with TOTP only (no SMS: costs, SIM swapping), and the pre-token-generation trigger
 * withholds the staff groups from users who have not set up TOTP (shared/domain/staff-mfa.ts). A user
 * with TOTP is challenged for it at every sign-in, so every token with a staff group was issued after
 * a second factor. Device remembering stays off, so no sign-in skips the challenge.
 */
export class SignIn extends Construct {
  readonly userPool: UserPool;
  readonly webClient: UserPoolClient;

  constructor(scope: Construct, id: string, props: SignInProps) {
    super(scope, id);
    this.userPool = new UserPool(this, 'UserPool', {
      selfSignUpEnabled: true,
      signInAliases: { email: true },
      // The portal and the API lower-case every address; the pool should not tell Anna@ from anna@ either.
      signInCaseSensitive: false,
      autoVerify: { email: true },
      // The confirmation code email (locally the stack renders the same text into the mail viewer).
      userVerification: {
        emailStyle: VerificationEmailStyle.CODE,
        emailSubject: 'foerderflow: Ihr Bestätigungscode / your confirmation code',
        emailBody:
          'Ihr Bestätigungscode für foerderflow lautet {####}. Geben Sie ihn im Portal ein, um Ihr Konto zu bestätigen. — Your foerderflow confirmation code is {####}. Enter it in the portal to confirm your account.',
      },
      // Staff accounts made by admins (POST /api/admin/staff): the temporary password, replaced at the
      // first sign-in (locally the stack renders the same text into the mail viewer).
      userInvitation: {
        emailSubject: 'foerderflow: Ihr Konto für die Sachbearbeitung / your back-office account',
        emailBody:
          'Für Sie wurde ein Konto in der Sachbearbeitung von foerderflow angelegt. Melden Sie sich mit Ihrer E-Mail-Adresse {username} und dem vorläufigen Passwort {####} an; danach legen Sie Ihr eigenes Passwort fest. Das vorläufige Passwort gilt sieben Tage. — A back-office account has been created for you in foerderflow. Sign in with your email address {username} and the temporary password {####}; you will then set your own password. The temporary password is valid for seven days.',
      },
      standardAttributes: { email: { required: true, mutable: true } },
      // The portal checks the same policy before sign-up (shared/domain/password-policy.ts).
      passwordPolicy: { ...PASSWORD_POLICY },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      mfa: Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      email: props.sesMail
        ? UserPoolEmail.withSES({
            fromEmail: props.sesMail.from,
            fromName: 'foerderflow',
            configurationSetName: props.sesMail.configurationSetName,
            ...(props.sesMail.verifiedDomain ? { sesVerifiedDomain: props.sesMail.verifiedDomain } : {}),
          })
        : UserPoolEmail.withCognito(),
      featurePlan: props.threatProtection ? FeaturePlan.PLUS : FeaturePlan.ESSENTIALS,
      ...(props.threatProtection
        ? { standardThreatProtectionMode: StandardThreatProtectionMode.FULL_FUNCTION }
        : {}),
      deletionProtection: props.removalPolicy !== RemovalPolicy.DESTROY,
      removalPolicy: props.removalPolicy,
    });
    Validations.of(this.userPool).acknowledge({
      id: 'AwsSolutions-COG2',
      reason:
        'MFA is OPTIONAL (TOTP) on purpose: Cognito cannot require it per group; staff groups are withheld from tokens of users without TOTP by the pre-token-generation trigger (shared/domain/staff-mfa.ts), applicants may but need not use it.',
    });
    Validations.of(this.userPool).acknowledge({
      id: 'AwsSolutions-COG1',
      reason:
        'The policy asks for 12 characters with upper case, lower case and a digit, but no symbol: length protects better than composition rules (NIST SP 800-63B 5.1.1.2), and the portal checks the same rule before sign-up.',
    });
    if (!props.threatProtection) {
      Validations.of(this.userPool).acknowledge({
        id: 'AwsSolutions-COG8',
        reason:
          'dev only: the Plus tier (threat protection) bills every monthly user; a dev pool holds test users only. prod deploys the Plus tier with threat protection enforced.',
      });
    }
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
    const anyPoolOfThisAccount = Stack.of(this).formatArn({
      service: 'cognito-idp',
      resource: 'userpool',
      resourceName: '*',
      arnFormat: ArnFormat.SLASH_RESOURCE_NAME,
    });
    postConfirmation.addToRolePolicy(
      new PolicyStatement({
        actions: ['cognito-idp:AdminAddUserToGroup'],
        resources: [anyPoolOfThisAccount],
      }),
    );

    // Staff groups only with a second factor (see above). Every sign-in and refresh runs it.
    const preTokenGeneration = new AppFunction(this, 'PreTokenGeneration', {
      entry: 'functions/auth/pre-token-generation.handler.ts',
      description: 'Withholds the staff groups from tokens of users without TOTP',
    });
    this.userPool.addTrigger(UserPoolOperation.PRE_TOKEN_GENERATION, preTokenGeneration);
    preTokenGeneration.addToRolePolicy(
      new PolicyStatement({ actions: ['cognito-idp:AdminGetUser'], resources: [anyPoolOfThisAccount] }),
    );
    for (const trigger of [postConfirmation, preTokenGeneration]) {
      Validations.of(trigger.role ?? trigger).acknowledge({
        // As cdk-nag renders the ARN (region and partition literal once the stack has an env).
        id: `AwsSolutions-IAM5[Resource::${flattenCfnReference(Stack.of(this).resolve(anyPoolOfThisAccount))}]`,
        reason:
          "The pool names its triggers, so a trigger's policy cannot name the pool (circular dependency); the handler acts only on the pool that invoked it.",
      });
    }
  }
}
