import type { Role } from '../../src/common/actor/actor.js';

/** Someone the tests act as; each test app signs every persona in once, at start. */
export interface Persona {
  key: string;
  role: Role;
  name: string;
}

export const coordinator: Persona = { key: 'coordinator-sato', role: 'coordinator', name: '佐藤 恵子' };
export const otherCoordinator: Persona = { key: 'coordinator-kato', role: 'coordinator', name: '加藤 誠' };
export const schoolStaff: Persona = {
  key: 'taira-daiichi-vice-principal',
  role: 'requester',
  name: '平第一小学校 教頭',
};

export const PERSONAS = [coordinator, otherCoordinator, schoolStaff];
