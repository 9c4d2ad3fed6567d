/**
 * Runs outside Jest's module system, so it stays plain JavaScript. It only names this run's template
 * database (suites migrate it on first use, see test/setup/databases.ts), so that two test runs on one
 * machine never share or drop each other's template.
 */
export default function globalSetup() {
  process.env.TALENT_BANK_TEST_TEMPLATE = `talent_bank_test_template_${process.pid}`;
}
