import { createContext, useContext } from 'react';
import type { ImportClient } from './importClient';

export const ImportClientContext = createContext<ImportClient | undefined>(undefined);

export function useImportClient(): ImportClient {
  const client = useContext(ImportClientContext);
  if (!client) throw new Error('ImportClientContext is not provided');
  return client;
}
