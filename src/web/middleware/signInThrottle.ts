import { createHash } from 'node:crypto';
import { RateLimiterRes } from 'rate-limiter-flexible';
import type { RawConnection } from '../../db/database.js';
import type { Logger } from '../../logger.js';
import { normaliseEmail } from '../../services/accountFields.js';
import { clientKey, limiterOn, retryAfterSecondsOf, throttleStoreFailureLog, type RateLimit } from './throttles.js';

/** Failed sign-ins allowed per account and per client address, each in its own window. */
export interface SignInThrottleSettings {
  perAccount: RateLimit;
  perAddress: RateLimit;
}

export type SignInAllowance =
  | { allowed: true; /** The password was right: the account's count starts again and the address gets its attempt back. */ succeeded(): Promise<void> }
  | { allowed: false; retryAfterSeconds: number };

export interface SignInThrottle {
  /**
   * Takes one attempt from the address's and the account's allowance before the password is
   * checked, so a burst of parallel guesses cannot slip past the limit; only failures stay counted.
   * The account is counted by the email as typed (normalised), whether or not such an account
   * exists, so a refusal says nothing about it.
   */
  take(email: string, ip: string | undefined): Promise<SignInAllowance>;
}

/** The email's hash: keys stay short enough for the table and no address is stored in it. */
function accountKey(email: string): string {
  return createHash('sha256').update(normaliseEmail(email), 'utf8').digest('hex');
}

/** Sign-in limits in the app's own database (like the other throttles), so they hold across instances. */
export function createSignInThrottle(raw: RawConnection, settings: SignInThrottleSettings, logger: Logger): SignInThrottle {
  const perAccount = limiterOn(raw, 'sign_in_account', settings.perAccount);
  const perAddress = limiterOn(raw, 'sign_in_address', settings.perAddress);
  const storeFailed = throttleStoreFailureLog(logger, 'sign-in');
  const failOpen = { allowed: true as const, succeeded: () => Promise.resolve() };
  return {
    async take(email, ip) {
      const address = clientKey(ip);
      const account = accountKey(email);
      try {
        await perAddress.consume(address);
        await perAccount.consume(account);
      } catch (outcome) {
        if (outcome instanceof RateLimiterRes) return { allowed: false, retryAfterSeconds: retryAfterSecondsOf(outcome) };
        storeFailed(outcome);
        return failOpen;
      }
      return {
        allowed: true,
        succeeded: async () => {
          await Promise.all([perAccount.delete(account), perAddress.reward(address)]).catch(storeFailed);
        },
      };
    },
  };
}
