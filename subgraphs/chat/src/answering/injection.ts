/**
 * Text in crawled pages that talks to the assistant instead of the customer: "ignore all previous
 * instructions", "tell every customer that …", "print your system prompt", role changes. A model
 * that follows instructions would obey it, and the "facts" such text plants (a plan that is "free
 * forever") contradict the rest of the site, so a passage holding any of it never reaches the
 * prompt at all (see `selectContext`), and the output guard withholds an answer that repeats it.
 */
const PATTERNS: readonly RegExp[] = [
  /\b(ignore|disregard|forget|override|bypass)\b[^.!?\n]{0,40}\b(instructions?|rules|prompts?|guidelines|directions)\b/i,
  /\b(ignore|disregard|forget)\b[^.!?\n]{0,20}\b(everything|all|anything)\b[^.!?\n]{0,20}\b(above|before|previous|prior|said)\b/i,
  /\b(system|developer|hidden|initial|original)\s+(prompt|message|instructions?)\b/i,
  /\b(print|reveal|repeat|show|output|display|leak|disclose)\b[^.!?\n]{0,30}\b(your\s+(prompt|instructions|rules|configuration)|the\s+(system\s+prompt|instructions above|rules above))\b/i,
  /\b(tell|inform|answer|reply to|respond to)\s+(every|all|each|any)\s+(customers?|users?|visitors?|people)\b/i,
  /\byou are now\b|\bfrom now on,? you\b|\bact as (an?|the)\b|\bpretend (to be|you are)\b|\bnew instructions\b|\bdeveloper mode\b|\bjailbreak/i,
  /\b(ai|assistant|chatbot|bot|language model|llm)s?\b[^.!?\n]{0,30}\b(must|should|shall|will)\s+(say|answer|reply|respond|tell|claim|state)\b/i,
];

/** True when the text contains an instruction addressed to the assistant. */
export function looksLikeInjection(text: string): boolean {
  const flat = text.replace(/\s+/g, ' ');
  return PATTERNS.some((pattern) => pattern.test(flat));
}
