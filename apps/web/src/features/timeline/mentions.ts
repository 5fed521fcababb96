import type { User } from '@voronka/domain';

/**
 * The people mentioned in a text as "@Имя Фамилия".
 *
 * @example mentionedUsers('@Ирина Соколова, посмотрите', users) // ['<Ирина's id>']
 */
export function mentionedUsers(text: string, users: readonly Pick<User, 'id' | 'name'>[]): string[] {
  return users.filter((user) => text.includes(`@${user.name}`)).map((user) => user.id);
}
