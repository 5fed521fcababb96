import { z } from 'zod';
import { Email, Id, Locale, Timestamp } from './common';
import { ManagerFunction, Role, Visibility } from './roles';

export const User = z
  .object({
    id: Id,
    email: z.string(),
    name: z.string(),
    role: Role,
    function: ManagerFunction.nullable(),
    departmentId: Id.nullable(),
    locale: Locale,
    active: z.boolean(),
    createdAt: Timestamp,
  })
  .meta({ id: 'User' });
export type User = z.infer<typeof User>;

export const UpdateUserBody = z.strictObject({
  name: z.string().trim().min(1).max(200).optional(),
  role: Role.optional(),
  function: ManagerFunction.nullable().optional(),
  departmentId: Id.nullable().optional(),
  active: z.boolean().optional(),
});
export type UpdateUserBody = z.infer<typeof UpdateUserBody>;

export const UpdateProfileBody = z.strictObject({
  name: z.string().trim().min(1).max(200).optional(),
  locale: Locale.optional(),
});

export const Department = z
  .object({
    id: Id,
    name: z.string(),
    parentId: Id.nullable(),
    headId: Id.nullable(),
    createdAt: Timestamp,
  })
  .meta({ id: 'Department' });
export type Department = z.infer<typeof Department>;

export const CreateDepartmentBody = z.strictObject({
  name: z.string().trim().min(1).max(200),
  parentId: Id.nullable().default(null),
  headId: Id.nullable().default(null),
});
export const UpdateDepartmentBody = z.strictObject({
  name: z.string().trim().min(1).max(200).optional(),
  parentId: Id.nullable().optional(),
  headId: Id.nullable().optional(),
});

export const RoleSetting = z.object({ role: Role, visibility: Visibility }).meta({ id: 'RoleSetting' });
export type RoleSetting = z.infer<typeof RoleSetting>;
export const UpdateRoleBody = z.strictObject({ visibility: Visibility });
export const RoleParams = z.strictObject({ role: Role });

export const Invitation = z
  .object({
    id: Id,
    email: z.string(),
    role: Role,
    function: ManagerFunction.nullable(),
    departmentId: Id.nullable(),
    expiresAt: Timestamp,
    acceptedAt: Timestamp.nullable(),
    createdAt: Timestamp,
  })
  .meta({ id: 'Invitation' });
export const CreateInvitationBody = z.strictObject({
  email: Email,
  role: Role,
  function: ManagerFunction.nullable().default(null),
  departmentId: Id.nullable().default(null),
});
/** The token is shown once, to the admin who sends the link; only its hash is stored. */
export type Invitation = z.infer<typeof Invitation>;
export const CreatedInvitation = Invitation.extend({ token: z.string(), acceptPath: z.string() });
export type CreatedInvitation = z.infer<typeof CreatedInvitation>;
