import request from 'supertest';
import { cityOffice, coordinator } from './factories/personas.js';
import { browserSuite, screenshot } from './setup/browser.js';

describe('The queue board, for the city office only', () => {
  const suite = browserSuite({ withWorker: false });

  it('opens from the office page for an admin and shows every queue', async () => {
    const page = await suite.open('/office', { session: suite.t.sessionOf(cityOffice) });
    try {
      await page.getByRole('button', { name: 'キューの状況を開く' }).click();
      await page.waitForURL('**/api/v1/queues**');
      for (const queue of ['matching', 'planning', 'notifications']) {
        await page.getByRole('link', { name: queue }).first().waitFor();
      }
      await screenshot(page, 'queue-board.admin');
    } finally {
      await page.context().close();
    }
  });

  it('refuses anyone else, with or without a cookie', async () => {
    const server = request(suite.t.app.getHttpServer());
    await server.get('/api/v1/queues').expect(401);
    await server.get('/api/v1/queues').set('Cookie', 'queue_board=made-up').expect(401);
    await suite.t.as(coordinator).post('/queue-board/session').expect(403);
    const coordinatorCookie = `queue_board=${suite.t.sessionOf(coordinator)}`;
    await server.get('/api/v1/queues').set('Cookie', coordinatorCookie).expect(403);
    await server.get('/api/v1/queues/api/queues').set('Cookie', coordinatorCookie).expect(403);
  });

  it('sets a cookie only the board receives, that scripts cannot read', async () => {
    const { headers } = await suite.t.as(cityOffice).post('/queue-board/session').expect(204);
    const cookie = String(headers['set-cookie']);
    expect(cookie).toMatch(
      /^queue_board=[\w-]+; Max-Age=\d+; Path=\/api\/v1\/queues; Expires=.+; HttpOnly; SameSite=Strict$/,
    );
  });
});
