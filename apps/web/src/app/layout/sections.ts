import {
  IconAddressBook,
  IconBriefcase,
  IconBuilding,
  IconChartBar,
  IconChecklist,
  IconFilter,
  IconHome,
  IconReportMoney,
  IconSettings,
  IconSitemap,
  IconTarget,
} from '@tabler/icons-react';
import type { en } from '../locales/en';

export type SectionKey = keyof Omit<typeof en.nav, 'main'>;

type Section = {
  key: SectionKey;
  path: string;
  icon: typeof IconFilter;
};

/** The top-level sections of the app, in navigation order. */
export const sections: Section[] = [
  { key: 'dashboard', path: '/', icon: IconHome },
  { key: 'leads', path: '/leads', icon: IconFilter },
  { key: 'deals', path: '/deals', icon: IconBriefcase },
  { key: 'contacts', path: '/contacts', icon: IconAddressBook },
  { key: 'companies', path: '/companies', icon: IconBuilding },
  { key: 'tasks', path: '/tasks', icon: IconChecklist },
  { key: 'processes', path: '/processes', icon: IconSitemap },
  { key: 'reports', path: '/reports', icon: IconChartBar },
  { key: 'planning', path: '/planning', icon: IconTarget },
  { key: 'finance', path: '/finance', icon: IconReportMoney },
  { key: 'settings', path: '/settings', icon: IconSettings },
];
