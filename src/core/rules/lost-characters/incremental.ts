import { lineLocal, type ContextInput, type LineContext } from '../../engine/incremental/line-local';
import { foldedMarks, fullQuestionMarks, mayBeLost } from './rule';

/** Whether a `?` may stand for a lost character, from counts carried over. */
function questionContext({ sum }: ContextInput): LineContext {
  return { value: String(mayBeLost(sum('folded', foldedMarks), sum('question', fullQuestionMarks))) };
}

/** A line's findings depend on it alone, given whether `?` may be lost in the document. */
export const questionLines = lineLocal({ namesLines: false, context: questionContext });
