import { describe, expect, it } from 'vitest';
import { actionRules, dossierActionNames, formIssuedBy, formsAvailable, handsOn } from '@motcua/domain';

describe('the transition table decides the forms and the hand-overs', () => {
  it('issues form 03 for a refusal at intake and for a refusal decision after processing', () => {
    expect(formIssuedBy('refuse')).toBe('03');
    expect(formIssuedBy('reject')).toBe('03');
  });

  it('names the form of every action that issues one, and none for the others', () => {
    expect(Object.fromEntries(dossierActionNames.flatMap((a) => (formIssuedBy(a) ? [[a, formIssuedBy(a)]] : [])))).toEqual({
      receive: '01', request_completion: '02', refuse: '03', request_supplement: '02', apologize: '04', reject: '03', withdraw: '05',
    });
    expect(formIssuedBy('no_such_action')).toBeUndefined();
  });

  it('lists the forms a log issued, and the control sheet once the dossier was received', () => {
    expect(formsAvailable(['submit', 'refuse'])).toEqual(['03']);
    expect(formsAvailable(['submit', 'receive', 'transfer', 'forward', 'reject'])).toEqual(['01', '03', '06']);
    expect(formsAvailable(['import', 'resolve'])).toEqual([]);
  });

  it('hands the dossier on at transfer, forward, send back, resolve and reject only', () => {
    expect(dossierActionNames.filter(handsOn).sort()).toEqual(['forward', 'reject', 'resolve', 'send_back', 'transfer']);
    expect(Object.keys(actionRules).length).toBe(dossierActionNames.length);
  });
});
