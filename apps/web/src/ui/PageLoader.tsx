import { Center, Loader } from '@mantine/core';

type Props = {
  /** Fill the whole screen (while the session loads) rather than the content area. */
  fullScreen?: boolean;
};

export function PageLoader({ fullScreen = false }: Props) {
  return (
    <Center mih={fullScreen ? '100dvh' : 200}>
      <Loader />
    </Center>
  );
}
