/** What the signed-in user may do with credits (R20): admins change limits and buy credits; members read and run. */
export type CreditRole = 'admin' | 'member';
