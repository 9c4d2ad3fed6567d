import type { Actor } from './actor.js';

/*
 * Who may see what, beyond the role a route asks for. Anything the actor may not see answers 404, as if
 * it did not exist, so nobody can even tell that another school's request or another district's
 * resident is there.
 */

/**
 * Requesters act only for their own organisations; coordinators and the city office for all (within
 * their districts, see {@link coversDistrict}).
 */
export function actsFor(actor: Actor, organisationId: string): boolean {
  return actor.role !== 'requester' || (actor.organisationIds ?? []).includes(organisationId);
}

/**
 * A coordinator limited to some districts covers only those; everyone else covers the whole city. What
 * has no district (an online-only request, a city-wide organisation) is every coordinator's.
 */
export function coversDistrict(actor: Actor, districtCode: string | null): boolean {
  return !actor.districtCodes || districtCode === null || actor.districtCodes.includes(districtCode);
}

/** A request (and its proposals): its organisation's requesters, and staff covering where it happens. */
export function mayHandleRequest(
  actor: Actor,
  request: { organisationId: string; districtCode: string | null },
): boolean {
  return actsFor(actor, request.organisationId) && coversDistrict(actor, request.districtCode);
}

/** An organisation itself (inviting its staff): staff covering its district. */
export function mayManageOrganisation(
  actor: Actor,
  organisation: { id: string; districtCode: string | null },
): boolean {
  return actsFor(actor, organisation.id) && coversDistrict(actor, organisation.districtCode);
}

/** A resident's profile: the resident themself, and staff covering the district they live in. */
export function mayHandleResident(actor: Actor, resident: { id: string; homeDistrictCode: string }): boolean {
  if (actor.role === 'volunteer') return actor.volunteerId === resident.id;
  return actor.role !== 'requester' && coversDistrict(actor, resident.homeDistrictCode);
}
