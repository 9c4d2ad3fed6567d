import type { Actor } from '../common/actor/actor.js';
import type { Organisation } from './organisation.entity.js';

/**
 * Whether the actor may see and act on what belongs to an organisation: requesters only for their own
 * organisations; coordinators and the city office for all. (Anything else answers 404, so a requester
 * cannot even tell that another organisation's request exists.)
 */
export function actsFor(actor: Actor, organisationId: string): boolean {
  return actor.role !== 'requester' || (actor.organisationIds ?? []).includes(organisationId);
}

/** Whether the actor may manage the organisation itself (invite its staff). */
export function mayManage(actor: Actor, organisation: Pick<Organisation, 'id' | 'districtCode'>): boolean {
  return actsFor(actor, organisation.id);
}
