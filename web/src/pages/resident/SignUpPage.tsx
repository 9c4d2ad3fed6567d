import {
  Alert,
  Button,
  Checkbox,
  Group,
  PasswordInput,
  Progress,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, unwrap } from '../../api/client';
import { useSession } from '../../session/session';
import { useRequired } from '../../layout/forms';
import { LocalisedDates } from '../../layout/LocalisedDates';
import { SkillFields } from './SkillFields';
import { WhenFields } from './WhenFields';
import { WhereFields } from './WhereFields';
import classes from './SignUpPage.module.css';
import {
  EMPTY_SIGN_UP,
  formFieldOf,
  SIGN_UP_STEPS,
  signUpBody,
  signUpDraft,
  stepOf,
  type SignUpValues,
} from './signUpForm';

/** A resident registers in five short steps; a reload keeps what they typed (but the password). */
export function SignUpPage() {
  const { t, i18n } = useTranslation();
  const { adopt } = useSession();
  const draft = signUpDraft.load(sessionStorage);
  const [step, setStep] = useState(draft?.step ?? 0);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const notice = useQuery({
    queryKey: ['privacy-notice', i18n.language],
    queryFn: () => unwrap(api.GET('/api/v1/privacy-notice')),
  });

  const required = useRequired();
  const form = useForm<SignUpValues>({
    initialValues: draft?.values ?? EMPTY_SIGN_UP,
    validate: {
      name: required,
      nameKana: required,
      email: required,
      phone: required,
      password: (value) => (value.length < 10 ? t('signUp.passwordTooShort') : null),
      homeDistrictCode: required,
      agreed: (value) => (value ? null : t('signUp.required')),
    },
    onValuesChange: (values) => signUpDraft.save(sessionStorage, values, step),
  });

  const goTo = (next: number) => {
    setStep(next);
    signUpDraft.save(sessionStorage, form.getValues(), next);
    // The new step's heading takes focus, so a screen reader announces where the resident is.
    requestAnimationFrame(() => document.getElementById('sign-up-step')?.focus());
  };

  const stepIsValid = () =>
    SIGN_UP_STEPS[step].fields.map((field) => form.validateField(field).hasError).every((error) => !error);

  /** Shows the earliest step with a problem (the password, say, is asked again after a reload). */
  const showFirstProblem = (fields: string[]) => {
    const first = Math.min(...fields.map(stepOf), step);
    if (first !== step) goTo(first);
  };

  const submit = form.onSubmit(
    async (values) => {
      setProblem(null);
      try {
        const session = await unwrap(
          api.POST('/api/v1/volunteers/signup', { body: signUpBody(values, notice.data?.version ?? '') }),
        );
        await adopt(session.token);
        signUpDraft.clear(sessionStorage);
        setDone(true);
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        const fieldErrors = Object.fromEntries(
          error.details.map((detail) => [formFieldOf(detail.field), detail.message]),
        );
        form.setErrors(fieldErrors);
        setProblem(error.message);
        showFirstProblem(Object.keys(fieldErrors));
      }
    },
    (errors) => showFirstProblem(Object.keys(errors)),
  );

  if (done) {
    return (
      <Stack>
        <Title order={1}>{t('signUp.doneTitle')}</Title>
        <Text>{t('signUp.doneText')}</Text>
      </Stack>
    );
  }

  const stepKey = SIGN_UP_STEPS[step].key;
  const last = step === SIGN_UP_STEPS.length - 1;
  return (
    <LocalisedDates>
      <Stack maw={720} gap="md">
        <Title order={1}>{t('signUp.title')}</Title>
        <Text>{t('signUp.intro')}</Text>
        <ol className={classes.steps} aria-label={t('signUp.title')}>
          {SIGN_UP_STEPS.map((candidate, index) => (
            <li key={candidate.key} aria-current={index === step ? 'step' : undefined}>
              {index + 1}. {t(`signUp.steps.${candidate.key}`)}
            </li>
          ))}
        </ol>
        <Progress value={((step + 1) / SIGN_UP_STEPS.length) * 100} aria-hidden />
        {problem && (
          <Alert color="red" role="alert">
            {problem}
          </Alert>
        )}
        <form
          noValidate
          onSubmit={(event) => {
            if (!last) {
              event.preventDefault();
              if (stepIsValid()) goTo(step + 1);
              return;
            }
            void submit(event);
          }}
        >
          <Stack gap="sm">
            <Title order={2} size="h3" id="sign-up-step" tabIndex={-1}>
              {step + 1} / {SIGN_UP_STEPS.length}: {t(`signUp.steps.${stepKey}`)}
            </Title>

            {stepKey === 'aboutYou' && (
              <>
                <TextInput
                  label={t('signUp.name')}
                  required
                  autoComplete="name"
                  {...form.getInputProps('name')}
                />
                <TextInput
                  label={t('signUp.nameKana')}
                  description={t('signUp.nameKanaHint')}
                  required
                  {...form.getInputProps('nameKana')}
                />
                <TextInput
                  label={t('signUp.email')}
                  type="email"
                  required
                  autoComplete="email"
                  {...form.getInputProps('email')}
                />
                <TextInput
                  label={t('signUp.phone')}
                  description={t('signUp.phoneHint')}
                  type="tel"
                  required
                  autoComplete="tel"
                  {...form.getInputProps('phone')}
                />
                <PasswordInput
                  label={t('signUp.password')}
                  description={t('signUp.passwordHint')}
                  required
                  autoComplete="new-password"
                  {...form.getInputProps('password')}
                />
              </>
            )}

            {stepKey === 'where' && <WhereFields form={form} />}

            {stepKey === 'skills' && <SkillFields form={form} />}

            {stepKey === 'when' && <WhenFields form={form} />}

            {stepKey === 'agree' && (
              <>
                <Checkbox
                  label={t('signUp.listedPublicly')}
                  description={t('signUp.listedPubliclyHint')}
                  {...form.getInputProps('listedPublicly', { type: 'checkbox' })}
                />
                <Title order={3} size="h4" mt="md">
                  {t('signUp.noticeTitle')}
                </Title>
                {notice.data && (
                  <div className={classes.notice} tabIndex={0} role="region" aria-label={notice.data.title}>
                    <Stack gap="xs" p="sm">
                      <Text fw={700}>{notice.data.title}</Text>
                      {notice.data.sections.map((section) => (
                        <div key={section.heading}>
                          <Text fw={600}>{section.heading}</Text>
                          {section.paragraphs.map((paragraph) => (
                            <Text key={paragraph} size="sm">
                              {paragraph}
                            </Text>
                          ))}
                        </div>
                      ))}
                    </Stack>
                  </div>
                )}
                <Checkbox
                  label={t('signUp.agreed')}
                  required
                  {...form.getInputProps('agreed', { type: 'checkbox' })}
                />
              </>
            )}

            <Group justify="space-between" mt="md">
              {step > 0 ? (
                <Button variant="default" onClick={() => goTo(step - 1)}>
                  {t('signUp.back')}
                </Button>
              ) : (
                <span />
              )}
              <Button type="submit" loading={form.submitting}>
                {last ? t('signUp.submit') : t('signUp.next')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Stack>
    </LocalisedDates>
  );
}
