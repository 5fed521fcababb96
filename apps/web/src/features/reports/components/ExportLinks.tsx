import { Button, Group } from '@mantine/core';
import { IconDownload, IconPrinter } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '../../../app/i18n';
import { exportUrl, printUrl } from '../api';
import type { ReportSelection } from '../report-query';

type Props = {
  selection: ReportSelection;
};

/** Plain links: the server streams the file and the browser saves it, or opens the printable page. */
export function ExportLinks({ selection }: Props) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <Group gap="xs">
      <Button
        component="a"
        href={exportUrl(selection, 'xlsx', locale)}
        download
        variant="light"
        leftSection={<IconDownload size={16} />}
        data-testid="export-xlsx"
      >
        {t('reports.exportXlsx')}
      </Button>
      <Button
        component="a"
        href={exportUrl(selection, 'csv', locale)}
        download
        variant="light"
        leftSection={<IconDownload size={16} />}
        data-testid="export-csv"
      >
        {t('reports.exportCsv')}
      </Button>
      <Button
        component="a"
        href={printUrl(selection, locale)}
        target="_blank"
        rel="noopener"
        variant="light"
        leftSection={<IconPrinter size={16} />}
        data-testid="report-print"
      >
        {t('reports.print')}
      </Button>
    </Group>
  );
}
