import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { all, ApiError } from '../api';
import { t } from '../i18n';
import { describeRefusal } from '../refusal';
import { problemOf, type FieldProblem } from './admin-input';

/** The organisations the admin forms choose from, as catalog and consignment list them. */
export interface Kanwil {
  code: string;
  name: string;
}
export interface Upt {
  code: string;
  name: string;
  type: string;
  class: string;
  kanwilCode: string;
  satkerCode: string;
}
export interface VenueRow {
  code: string;
  name: string;
  partnerAgency: string;
  type: string;
  kanwilCode: string;
  timeZone: string;
  collectiveOutlet: boolean;
}

export const loadKanwils = () => all<Kanwil>('/api/catalog/kanwils');
export const loadUpts = () => all<Upt>('/api/catalog/upts');
export const loadVenues = () => all<VenueRow>('/api/consignment/venues');

/** Opens another page of the console without reloading it (the console follows popstate). */
export function navigate(path: string): void {
  history.pushState(null, '', path);
  dispatchEvent(new PopStateEvent('popstate'));
}

/** Data a page loads, with why it failed and a way to load it again. */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[] = []): { data?: T; error?: string; reload: () => void } {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<string>();
  const [round, setRound] = useState(0);
  useEffect(() => {
    let live = true;
    load().then(
      (value) => {
        if (!live) return;
        setData(value);
        setError(undefined);
      },
      (e: Error) => {
        if (live) setError(t('error.load', { reason: e.message }));
      },
    );
    return () => {
      live = false;
    };
  }, [...deps, round]);
  const reload = useCallback(() => setRound((n) => n + 1), []);
  return { data, error, reload };
}

/** A refusal in words: the admin pages' own sentence for their codes, else the console's, else the service's message. */
export function refusalText(error: unknown): string {
  if (!(error instanceof ApiError)) return (error as Error).message;
  const own = t(`admin.refusal.${error.code}`, { ...error.details, defaultValue: '' });
  return own || describeRefusal(error, t);
}

/** What is wrong with a field, in words. */
export const problemText = (problem: FieldProblem): string => t(`admin.problem.${problem.problem}`, problem.values);

/**
 * A labelled control with its hint and problem under it, outside the label (so the control's name stays short)
 * and tied to it by aria-describedby (invalidProps); the control's id is the field's name.
 */
export function Field(props: {
  label: string;
  name: string;
  problems: readonly FieldProblem[];
  hint?: string;
  children: ComponentChildren;
}) {
  const problem = problemOf(props.problems, props.name);
  return (
    <div class={`field${problem ? ' invalid' : ''}`}>
      <label for={props.name}>{props.label}</label>
      {props.children}
      {props.hint && (
        <small class="hint" id={`${props.name}-hint`}>
          {props.hint}
        </small>
      )}
      {problem && (
        <small class="problem" id={`${props.name}-problem`}>
          {problemText(problem)}
        </small>
      )}
    </div>
  );
}

/** The ARIA attributes of a control whose field may have a problem. */
export function invalidProps(problems: readonly FieldProblem[], name: string, hint = false) {
  const problem = problemOf(problems, name);
  const describedBy = [hint ? `${name}-hint` : '', problem ? `${name}-problem` : ''].filter(Boolean).join(' ');
  return { name, id: name, 'aria-invalid': problem ? ('true' as const) : undefined, 'aria-describedby': describedBy || undefined };
}

/**
 * A form's problems once the person has tried to send it (not while they are still typing the first time), with
 * the form's prefix on each field (two forms on a page both have a code and a name).
 */
export function useShownProblems(
  problems: FieldProblem[],
  prefix = '',
): { shown: FieldProblem[]; tried: () => boolean; reset: () => void } {
  const [triedOnce, setTried] = useState(false);
  return {
    shown: triedOnce ? problems.map((p) => ({ ...p, field: `${prefix}${p.field}` })) : [],
    tried: () => {
      setTried(true);
      if (problems.length) {
        // the first field to fix gets the focus
        setTimeout(() => document.getElementById(`${prefix}${problems[0].field}`)?.focus(), 0);
      }
      return problems.length === 0;
    },
    reset: () => setTried(false),
  };
}

/** A page's load error and the outcome of its last action: the outcome is announced, a refusal is an alert. */
export function Outcome(props: { done?: string; error?: string }) {
  return (
    <>
      <div role="status">{props.done && <p class="message ok">{props.done}</p>}</div>
      {props.error && (
        <p role="alert" class="message refused">
          {props.error}
        </p>
      )}
    </>
  );
}

/** `Kanwil Banten (KW-BANTEN)` */
export const named = (org: { code: string; name: string } | undefined, code: string): string => (org ? `${org.name} (${code})` : code);

/** A wide table's scrolling box: reachable by keyboard (it may scroll sideways on a narrow screen) and named for screen readers. */
export function TableWrap(props: { label: string; children: ComponentChildren }) {
  return (
    <div class="table-wrap" tabIndex={0} role="region" aria-label={props.label}>
      {props.children}
    </div>
  );
}
