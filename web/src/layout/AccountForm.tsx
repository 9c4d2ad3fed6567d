import { Alert, Button, Stack, Text, Title } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useState, type FormEvent, type ReactNode } from 'react';
import { ApiError } from '../api/client';

/**
 * Submits a form to the server: what the server refuses is shown at the fields it names (`fieldNames`
 * maps the server's names to the form's where they differ) and as one announced problem; what was typed
 * stays.
 */
export function useServerSubmit<Values extends Record<string, unknown>>(
  form: UseFormReturnType<Values>,
  send: (values: Values) => Promise<void>,
  fieldNames: Record<string, keyof Values> = {},
) {
  const [problem, setProblem] = useState<string | null>(null);
  const submit = form.onSubmit(async (values) => {
    setProblem(null);
    try {
      await send(values);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      const errors: Record<string, string> = {};
      for (const [field, message] of Object.entries(error.fieldErrors())) {
        errors[String(fieldNames[field] ?? field)] = message;
      }
      form.setErrors(errors);
      setProblem(error.message);
    }
  });
  return { problem, submit };
}

/**
 * The short forms about one's account (sign in, ask for a reset link, set a password): a title, what the
 * server said (a status or a problem, announced), the fields, and one button.
 */
export function AccountForm(props: {
  title: string;
  lead?: string;
  status?: string | null;
  problem: string | null;
  submitLabel: string;
  submitting: boolean;
  onSubmit: (event?: FormEvent<HTMLFormElement>) => void;
  children: ReactNode;
  footer?: ReactNode;
}) {
  return (
    <Stack maw={420} gap="md">
      <Title order={1}>{props.title}</Title>
      {props.lead && <Text>{props.lead}</Text>}
      {props.status && !props.problem && <Alert role="status">{props.status}</Alert>}
      {props.problem && (
        <Alert color="red" role="alert">
          {props.problem}
        </Alert>
      )}
      <form onSubmit={props.onSubmit} noValidate>
        <Stack gap="sm">
          {props.children}
          <Button type="submit" loading={props.submitting}>
            {props.submitLabel}
          </Button>
          {props.footer}
        </Stack>
      </form>
    </Stack>
  );
}
