import CircularProgress from '@mui/material/CircularProgress';
import { useEffect, useState } from 'react';
import { useGetIdentity, useLocaleState, useTranslate } from 'react-admin';
import { useNavigate } from 'react-router-dom';
import { loadIdentity } from './deviceIdentity';
import { FieldApp } from './FieldApp';
import type { DeviceIdentity } from './fieldDb';

/**
 * The field screen for a signed-in user (`#/field`), so the day runs the same with or without signal. The identity
 * is the one main.tsx saved at sign-in, once it is this user's.
 */
export const FieldRoute = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const navigate = useNavigate();
  const { identity: signedIn } = useGetIdentity();
  const [identity, setIdentity] = useState<DeviceIdentity | null>(null);
  useEffect(() => {
    if (!signedIn) return;
    loadIdentity().then(
      (saved) => setIdentity(saved?.userId === signedIn.id ? saved : null),
      () => setIdentity(null),
    );
  }, [signedIn]);
  if (!identity) return <CircularProgress sx={{ m: 4 }} aria-label={translate('ra.page.loading')} />;
  return <FieldApp identity={identity} locale={locale} translate={translate} mode="online" onLeave={() => navigate('/')} />;
};
