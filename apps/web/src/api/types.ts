export type { CreatedApiToken, CreatedInvitation, Invitation, RefusalReason } from '@voronka/domain';
