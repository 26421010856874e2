import { describe, expect, it } from 'vitest';
import type { ContextDocument } from '../src/answering/context-builder.js';
import { judgeGrounding } from '../src/answering/grounding.js';

function doc(index: number, text: string, title = `Page ${index}`): ContextDocument {
  return {
    index,
    text,
    hit: {
      id: `hit-${index}`,
      score: 1,
      relevance: 0.6,
      sourceId: 'source-1',
      pageUrl: `https://help.example/page-${index}`,
      url: `https://help.example/page-${index}`,
      title,
      headingPath: null,
      anchor: null,
      text,
      highlights: [],
    },
  };
}

const INSTALL = doc(1, 'The agent runs on Linux (x86-64 and arm64), macOS 13 or later and Windows Server 2019 or later.', 'Installing the agent');
const PRICES = doc(2, 'Pro costs $19 per seat per month. Business costs $49 per seat per month, billed yearly.', 'Plans and prices');
const SHIPPING = doc(3, 'Standard delivery is free in the EU. Express delivery costs $12 and arrives the next working day.', 'Delivery');
const CANCEL = doc(4, 'You can cancel your subscription at any time from Settings, Billing.', 'Cancelling');

describe('the grounding check (a second answerability signal)', () => {
  it('flags an answer about a thing no document mentions, which adds no fact of its own', () => {
    const verdict = judgeGrounding('Does the agent run on a Raspberry Pi?', 'No, the agent does not run on a Raspberry Pi [1].', [INSTALL]);
    expect(verdict.unsupported).toEqual(['raspberri']);
    expect(verdict.ungrounded).toBe(true);
  });

  it('lets a missing quality or action stand: words cannot tell a paraphrase from a guess', () => {
    const verdict = judgeGrounding('Will the Pro plan get more expensive next year?', 'Yes, the Pro plan will get more expensive next year [2].', [PRICES]);
    expect(verdict.unsupported).toContain('expens');
    expect(verdict.ungrounded).toBe(false);
  });

  it('lets an inference from a stated fact stand ("No, express delivery costs $12")', () => {
    const verdict = judgeGrounding(
      'Is express delivery free outside the EU?',
      'No, express delivery is not free outside the EU: it costs $12 and arrives the next working day [3].',
      [SHIPPING],
    );
    expect(verdict.unsupported).toEqual(['outsid']);
    expect(verdict.ungrounded).toBe(false);
  });

  it('lets an answer stand that brings the documents’ facts beside an unsupported term', () => {
    const verdict = judgeGrounding('Is there a Pro plan for hospitals?', 'The Pro plan for hospitals costs $19 per seat per month [2].', [PRICES]);
    expect(verdict.unsupported).toEqual(['hospit']);
    expect(verdict.supportedFacts).toBeGreaterThanOrEqual(1);
    expect(verdict.ungrounded).toBe(false);
  });

  it('knows a word the documents split in two, and inflections ("anytime", "cancelling")', () => {
    const verdict = judgeGrounding('Can I cancel anytime?', 'Yes, you can cancel anytime [4].', [CANCEL]);
    expect(verdict.unsupported).toEqual([]);
    expect(verdict.ungrounded).toBe(false);
    expect(judgeGrounding('Is cancelling possible?', 'Yes, cancelling is possible [4].', [CANCEL]).ungrounded).toBe(false);
  });

  it('ignores question terms the answer does not repeat (a paraphrase is no claim about them)', () => {
    const verdict = judgeGrounding('Can I get my money back?', 'You can cancel your subscription at any time from Settings [4].', [CANCEL]);
    expect(verdict.unsupported).toEqual([]);
    expect(verdict.ungrounded).toBe(false);
  });

  it('lets one supported fact beside a missing thing stand: "column names" for "column headers"', () => {
    const sheets = doc(
      5,
      'Any Google Sheet you can open can be a data source. The first row is used as column headers; empty rows are skipped.',
      'Google Sheets',
    );
    const verdict = judgeGrounding(
      'Which row of my Google Sheet is used for the column names?',
      'The first row of your Google Sheet is used for the column names [5].',
      [sheets],
    );
    expect(verdict.unsupported).toEqual(['name']);
    expect(verdict.supportedFacts).toBe(1);
    expect(verdict.ungrounded).toBe(false);
  });

  it('knows an acronym from the words it abbreviates ("SSO" of "single sign-on")', () => {
    const sso = doc(6, 'Supported identity providers: Okta, Microsoft Entra ID, Google Cloud Identity.', 'Single sign-on (SAML)');
    const verdict = judgeGrounding('Does SSO work with Okta?', 'Yes, SSO works with Okta [6].', [sso]);
    expect(verdict.unsupported).toEqual(['work']);
    expect(verdict.unsupported).not.toContain('sso');
    expect(verdict.ungrounded).toBe(false);
  });

  it('knows the start of a word the documents use ("Mac" of "macOS", "SDK" of "SDKs")', () => {
    // macOS covers the Mac; Homebrew is nowhere in this document.
    expect(judgeGrounding('can i install it on my mac with homebrew', 'Yes, you can install it on your Mac with Homebrew [1].', [INSTALL]).unsupported).toEqual(
      ['homebrew'],
    );
    const sdks = doc(7, 'Official SDKs wrap authentication, pagination and retries.', 'SDKs');
    expect(judgeGrounding('Is there a Python SDK?', 'Yes, there is a Python SDK [7].', [sdks]).unsupported).toEqual(['python']);
  });

  it('does not take "anyone" for a thing', () => {
    const sso = doc(8, 'Once SSO is enforced, only the workspace owner can still sign in with a password.', 'Enforcing SSO');
    expect(judgeGrounding('If we enforce SSO, can anyone still log in with a password?', 'No, anyone must log in with SSO [8].', [sso]).ungrounded).toBe(false);
  });

  it('does not count citation markers or filler as facts', () => {
    const verdict = judgeGrounding('Is there an iPhone app?', 'Yes, there is an iPhone app [1][2].', [INSTALL, PRICES]);
    expect(verdict.unsupported).toEqual(['iphon', 'app']);
    expect(verdict.supportedFacts).toBe(0);
    expect(verdict.ungrounded).toBe(true);
  });
});
