import type { Role } from '../../src/common/actor/actor.js';
import type { OrganisationKind } from '../../src/organisations/organisation.entity.js';

/** Someone the tests act as; each test app signs every persona in once, at start. */
export interface Persona {
  key: string;
  role: Role;
  name: string;
  /** A requester's organisation, registered with them. */
  organisation?: { kind: OrganisationKind; name: string; districtCode: string };
  /** A coordinator limited to these districts. */
  districtCodes?: string[];
}

export const coordinator: Persona = { key: 'coordinator-sato', role: 'coordinator', name: '佐藤 恵子' };
export const otherCoordinator: Persona = { key: 'coordinator-kato', role: 'coordinator', name: '加藤 誠' };

/** The coordinator of the Taira community centre, who covers Taira only. */
export const tairaCoordinator: Persona = {
  key: 'coordinator-taira',
  role: 'coordinator',
  name: '平公民館 生涯学習指導者',
  districtCodes: ['taira'],
};

/** The city office's lifelong-learning section. */
export const cityOffice: Persona = { key: 'city-office', role: 'admin', name: 'いわき市 生涯学習課' };
export const schoolStaff: Persona = {
  key: 'taira-daiichi-vice-principal',
  role: 'requester',
  name: '平第一小学校 教頭',
  organisation: { kind: 'school', name: 'いわき市立平第一小学校', districtCode: 'taira' },
};

/** Staff of another school: must never see the first school's requests. */
export const otherSchoolStaff: Persona = {
  key: 'onahama-daiichi-head',
  role: 'requester',
  name: '小名浜第一小学校 教務主任',
  organisation: { kind: 'school', name: 'いわき市立小名浜第一小学校', districtCode: 'onahama' },
};

export const PERSONAS = [
  coordinator,
  otherCoordinator,
  tairaCoordinator,
  cityOffice,
  schoolStaff,
  otherSchoolStaff,
];
