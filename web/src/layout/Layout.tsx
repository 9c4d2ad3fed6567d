import { Anchor, Box, Button, Container, Group, SegmentedControl, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useNavigate } from 'react-router';
import { chooseLanguage, type Language } from '../i18n/i18n';
import { useSession } from '../session/session';
import classes from './Layout.module.css';

/** Every page's frame: a skip link, the header with the menu and the language switch, and the footer. */
export function Layout() {
  const { t, i18n } = useTranslation();
  const { account, signOut } = useSession();
  const navigate = useNavigate();
  return (
    <>
      <a href="#main" className={classes.skipLink}>
        {t('app.skipToContent')}
      </a>
      <Box component="header" className={classes.header}>
        <Container size="lg">
          <Group justify="space-between" py="sm" wrap="wrap" gap="sm">
            <Anchor component={Link} to="/" underline="never" className={classes.brand}>
              <Text span size="xs" c="gray.7" display="block">
                {t('app.city')}
              </Text>
              <Text span fw={700} size="xl">
                {t('app.name')}
              </Text>
            </Anchor>
            <Group gap="sm" wrap="wrap">
              <nav aria-label={t('nav.main')}>
                <Group gap="sm">
                  <Anchor component={Link} to="/">
                    {t('nav.home')}
                  </Anchor>
                  <Anchor component={Link} to="/courses">
                    {t('nav.courses')}
                  </Anchor>
                  <Anchor component={Link} to="/instructors">
                    {t('nav.directory')}
                  </Anchor>
                  {(account?.role === 'coordinator' || account?.role === 'admin') && (
                    <>
                      <Anchor component={Link} to="/coordinator">
                        {t('nav.dashboard')}
                      </Anchor>
                      <Anchor component={Link} to="/coordinator/residents">
                        {t('nav.residents')}
                      </Anchor>
                      <Anchor component={Link} to="/coordinator/imports">
                        {t('nav.imports')}
                      </Anchor>
                    </>
                  )}
                  {(account?.role === 'coordinator' || account?.role === 'admin') && (
                    <Anchor component={Link} to="/office">
                      {t('nav.office')}
                    </Anchor>
                  )}
                  {account && account.role !== 'volunteer' && (
                    <Anchor component={Link} to="/requests">
                      {t('nav.requests')}
                    </Anchor>
                  )}
                  {account?.role === 'volunteer' && (
                    <Anchor component={Link} to="/my">
                      {t('nav.myPage')}
                    </Anchor>
                  )}
                </Group>
              </nav>
              {account ? (
                <Group gap="xs">
                  <Text size="sm">{t('nav.signedInAs', { name: account.name })}</Text>
                  <Anchor component={Link} to="/notifications" size="sm">
                    {t('nav.notifications')}
                  </Anchor>
                  <Button
                    variant="default"
                    size="xs"
                    onClick={() => void signOut().then(() => navigate('/'))}
                  >
                    {t('nav.signOut')}
                  </Button>
                </Group>
              ) : (
                <Button component={Link} to="/sign-in" size="xs">
                  {t('nav.signIn')}
                </Button>
              )}
              <div role="group" aria-label={t('app.language')}>
                <VisuallyHidden>{t('app.language')}</VisuallyHidden>
                <SegmentedControl
                  size="xs"
                  value={i18n.language}
                  onChange={(language) => chooseLanguage(language as Language)}
                  data={[
                    { value: 'ja', label: <span lang="ja">日本語</span> },
                    { value: 'en', label: <span lang="en">English</span> },
                  ]}
                />
              </div>
            </Group>
          </Group>
        </Container>
      </Box>
      <Container size="lg" component="main" id="main" tabIndex={-1} py="lg" className={classes.main}>
        <Outlet />
      </Container>
      <Box component="footer" className={classes.footer}>
        <Container size="lg" py="md">
          <Text size="sm">{t('app.footer')}</Text>
        </Container>
      </Box>
    </>
  );
}
