import { AppBar as RaAppBar, LoadingIndicator, LocalesMenuButton } from 'react-admin';

/** Language menu (choice kept in the store) and, through the default user menu, the signed-in username. */
export const AppBar = () => (
  <RaAppBar
    toolbar={
      <>
        <LocalesMenuButton />
        <LoadingIndicator />
      </>
    }
  />
);
