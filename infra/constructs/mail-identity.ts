import { CfnOutput } from 'aws-cdk-lib';
import {
  ConfigurationSet,
  ConfigurationSetTlsPolicy,
  EmailIdentity,
  Identity,
  SuppressionReasons,
} from 'aws-cdk-lib/aws-ses';
import { Construct } from 'constructs';

export interface MailIdentityProps {
  /** The sender address of every email. */
  mailFrom: string;
  /** Verify this whole domain (DKIM) instead of the single address. */
  mailDomain?: string;
  stage: string;
}

/**
 * SES: the sender identity and the configuration set every email goes out with. Stateful on purpose:
 * a domain identity's DKIM tokens are DNS records someone has put into the zone, and the user pool
 * (stateful too) can only send through an identity that exists before it. The configuration set is
 * the identity's default, so every SendEmail uses it without naming it: TLS required to the
 * recipient's server, bounces and complaints put on the account's suppression list (repeated sends to
 * dead addresses ruin the sender's reputation), reputation metrics on.
 */
export class MailIdentity extends Construct {
  readonly identity: EmailIdentity;
  readonly configurationSet: ConfigurationSet;

  constructor(scope: Construct, id: string, props: MailIdentityProps) {
    super(scope, id);
    this.configurationSet = new ConfigurationSet(this, 'ConfigurationSet', {
      // A fixed name: the user pool refers to it by name, and operators find it in the console.
      configurationSetName: `foerderflow-${props.stage}`,
      tlsPolicy: ConfigurationSetTlsPolicy.REQUIRE,
      suppressionReasons: SuppressionReasons.BOUNCES_AND_COMPLAINTS,
      reputationMetrics: true,
      sendingEnabled: true,
    });
    this.identity = new EmailIdentity(this, 'Identity', {
      identity: props.mailDomain ? Identity.domain(props.mailDomain) : Identity.email(props.mailFrom),
      configurationSet: this.configurationSet,
    });
    if (props.mailDomain) {
      // The three CNAME records that verify the domain (Easy DKIM): to be put into the domain's DNS.
      this.identity.dkimRecords.forEach((record, index) => {
        new CfnOutput(this, `DkimRecord${index + 1}`, {
          value: `${record.name} CNAME ${record.value}`,
          description: 'Put this CNAME into the DNS of the mail domain, then SES verifies the domain.',
        });
      });
    }
  }
}
