import { Button, Card, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** What the talent bank is, how to join and how to ask for someone: for anyone, no account needed. */
export function HomePage() {
  const { t } = useTranslation();
  const steps = t('home.joinSteps', { returnObjects: true }) as string[];
  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <Title order={1}>{t('home.title')}</Title>
        <Text size="lg">{t('home.lead')}</Text>
        <Text>{t('home.what')}</Text>
      </Stack>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
        <Card withBorder padding="lg">
          <Title order={2} size="h3" mb="sm">
            {t('home.joinTitle')}
          </Title>
          <List type="ordered" spacing="xs" mb="md">
            {steps.map((step) => (
              <List.Item key={step}>{step}</List.Item>
            ))}
          </List>
          <Button component={Link} to="/sign-up">
            {t('home.signUp')}
          </Button>
        </Card>
        <Card withBorder padding="lg">
          <Title order={2} size="h3" mb="sm">
            {t('home.askTitle')}
          </Title>
          <Text>{t('home.askText')}</Text>
        </Card>
      </SimpleGrid>
    </Stack>
  );
}
