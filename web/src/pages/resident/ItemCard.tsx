import { Button, Card, Group, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * One item of a list the resident builds (a skill, a learning outcome): its fields in a card named for
 * screen readers, so its level buttons and its remove button are heard as this item's.
 */
export function ItemCard({
  name,
  onRemove,
  children,
}: {
  name: string;
  onRemove: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="sm" role="group" aria-label={name}>
      <Stack gap="xs">
        {children}
        <Group justify="flex-end">
          <Button variant="default" onClick={onRemove}>
            {t('signUp.remove')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
