/** What a rule's check is given and how it reports: the document parsed once, the settings. */
import type { NewsDocument } from './document';
import type { Report } from './finding';
import type { Settings } from './config/types';

/** The frozen context handed to every rule: the document parsed once. */
export interface RuleContext {
  readonly document: NewsDocument;
  readonly settings: Settings;
}

export type Check = (ctx: RuleContext, report: (r: Report) => void) => void;

