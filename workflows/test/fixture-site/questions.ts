// Questions a customer might ask the Acme Widgets help center, each with the page that answers
// it. Worded the way people ask (not copied from the page), so retrieval has to match meaning as
// well as words. Used by the search and chat tests and by the retrieval benchmark.
export interface EvaluationQuestion {
  question: string;
  /** The page that answers it (a path of the fixture site). */
  answeredBy: string;
}

export const EVALUATION_QUESTIONS: readonly EvaluationQuestion[] = [
  { question: 'How long is the password reset link valid?', answeredBy: '/docs/accounts/password-reset' },
  { question: 'How much does the Pro plan cost?', answeredBy: '/billing/pricing' },
  { question: 'Can I get my money back after buying a yearly plan?', answeredBy: '/billing/refunds' },
  { question: 'What happens when my card payment fails?', answeredBy: '/billing/payment-methods' },
  { question: 'How many requests can I send to the API before I get throttled?', answeredBy: '/docs/api/rate-limits' },
  { question: 'How do I verify that a webhook really came from you?', answeredBy: '/docs/api/webhooks' },
  { question: 'When do team invitations expire?', answeredBy: '/docs/accounts/inviting-team-members' },
  { question: 'What do I get if I lose my phone with the authenticator app?', answeredBy: '/docs/accounts/two-factor-authentication' },
  { question: 'Which version of the agent is the newest and how do I install it on Ubuntu?', answeredBy: '/docs/getting-started/installation' },
  { question: 'Does the agent need any inbound firewall ports opened?', answeredBy: '/docs/troubleshooting/connectivity' },
  { question: 'My dashboard shows an empty box where a widget should be', answeredBy: '/docs/troubleshooting/widget-not-loading' },
  { question: 'Is there a discount for charities?', answeredBy: '/billing/faq' },
  { question: 'What are your support opening hours?', answeredBy: '/contact' },
  { question: 'How many items does one page of a list endpoint return?', answeredBy: '/docs/api/pagination' },
  { question: 'Can I keep my data in Europe only?', answeredBy: '/blog/2023/security-whitepaper' },
  { question: 'How are reverse-charge invoices handled for EU companies?', answeredBy: '/billing/taxes-and-vat' },
];
