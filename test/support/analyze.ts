// The analyzer as the tests call it: the engine takes the rule registry as an input (the entry point passes
// it in); tests analyze with every rule unless they say otherwise.
import { analyze as analyzeWith, type AnalysisResult, type AnalyzeInput } from '../../src/project/analyze.ts';
import { RULES } from '../../rules/index.ts';

export function analyze(input: Omit<AnalyzeInput, 'rules'> & { rules?: AnalyzeInput['rules'] }): AnalysisResult {
  return analyzeWith({ ...input, rules: input.rules ?? RULES });
}
