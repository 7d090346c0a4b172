// "X is a member of Y", "X joined Y", "Y members A, B and C": membership of a bloc.
import { E, LIST, at, allowed, listIndices, pattern, type FactDraft, type RelationRule } from '../frame.js';

const IS_MEMBER = pattern(`${LIST} (?:is |are |was |were |became |become )?(?:a |an )?(?:full |founding |new )?(?:members?|member states?) of (?:the )?${E}`);
const JOINED = pattern(`${LIST} (?:formally |officially )?(?:joined|joins|acceded to) (?:the )?${E}`);
const MEMBERS = pattern(`${E} (?:members|member states|member countries|states)(?:,)? (?:such as |including |like )?${LIST}`);

export const memberOf: RelationRule = {
  name: 'member-of',
  cue: /member|join|acceded/i,
  example: 'France and Germany are founding members of the EU.',
  apply(frame) {
    const out: FactDraft[] = [];
    const add = (member: number, bloc: string | undefined) => {
      const a = at(frame, member);
      const b = at(frame, bloc);
      if (a && b && a !== b && !a.demonym && allowed('MEMBER_OF', a.label, b.label) && b.props.kind === 'bloc') out.push({ rel: 'MEMBER_OF', subject: a, object: b, confidence: 0.8 });
    };
    for (const m of frame.masked.matchAll(IS_MEMBER)) for (const i of listIndices(m[1])) add(i, m[2]);
    for (const m of frame.masked.matchAll(JOINED)) for (const i of listIndices(m[1])) add(i, m[2]);
    for (const m of frame.masked.matchAll(MEMBERS)) for (const i of listIndices(m[2])) add(i, m[1]);
    return out;
  },
};
