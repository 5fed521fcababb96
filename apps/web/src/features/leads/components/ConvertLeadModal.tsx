import { Button, Group, Modal, NumberInput, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import type { Lead } from '@voronka/domain';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { notifySuccess } from '../../../ui/notify';
import { useFieldErrors } from '../../../ui/use-field-errors';
import { CompanyPicker } from '../../companies/components/CompanyPicker';
import { ContactPicker } from '../../contacts/components/ContactPicker';
import { useConvertLead } from '../api';

type Props = {
  lead: Lead;
  opened: boolean;
  onClose: () => void;
};

type CompanyMode = 'new' | 'existing' | 'none';
type ContactMode = 'new' | 'existing';

/**
 * Converts a lead into a contact, a company and a deal; the deal keeps the lead's history. Opens the
 * new deal afterwards.
 */
export function ConvertLeadModal({ lead, opened, onClose }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const convertLead = useConvertLead();
  const { errors, setErrors, handleError } = useFieldErrors();
  const [companyMode, setCompanyMode] = useState<CompanyMode>('new');
  const [companyName, setCompanyName] = useState('');
  const [companyId, setCompanyId] = useState<string | null>(null);
  const [contactMode, setContactMode] = useState<ContactMode>('new');
  const [contactId, setContactId] = useState<string | null>(null);
  const [title, setTitle] = useState(lead.title);
  const [amount, setAmount] = useState<number | string>('');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (companyMode === 'new' && !companyName.trim()) {
      setErrors({ companyName: t('validation.required') });
      return;
    }
    if (companyMode === 'existing' && !companyId) {
      setErrors({ companyId: t('validation.required') });
      return;
    }
    if (contactMode === 'existing' && !contactId) {
      setErrors({ contactId: t('validation.required') });
      return;
    }
    convertLead.mutate(
      {
        id: lead.id,
        body: {
          ...(companyMode === 'new' ? { companyName: companyName.trim() } : {}),
          ...(companyMode === 'existing' && companyId ? { companyId } : {}),
          ...(contactMode === 'existing' && contactId ? { contactId } : {}),
          deal: {
            title: title.trim() || undefined,
            amount: typeof amount === 'number' ? amount : undefined,
          },
        },
      },
      {
        onSuccess: (result) => {
          notifySuccess(t('leads.convert.done'));
          onClose();
          navigate(`/deals/${result.dealId}`);
        },
        onError: handleError,
      },
    );
  };

  return (
    <Modal opened={opened} onClose={onClose} title={t('leads.convert.title')} size="lg">
      <form onSubmit={submit} noValidate data-testid="convert-lead-form">
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t('leads.convert.intro')}
          </Text>
          <Text size="sm" fw={600}>
            {t('leads.convert.company')}
          </Text>
          <SegmentedControl
            value={companyMode}
            onChange={(value) => setCompanyMode(value as CompanyMode)}
            data={(['new', 'existing', 'none'] as const).map((mode) => ({
              value: mode,
              label: t(`leads.convert.companyModes.${mode}`),
            }))}
          />
          {companyMode === 'new' ? (
            <TextInput
              label={t('leads.convert.companyName')}
              value={companyName}
              onChange={(event) => setCompanyName(event.currentTarget.value)}
              error={errors.companyName}
              required
              data-autofocus
            />
          ) : null}
          {companyMode === 'existing' ? (
            <CompanyPicker
              label={t('leads.convert.existingCompany')}
              value={companyId}
              onChange={setCompanyId}
              error={errors.companyId}
            />
          ) : null}
          <Text size="sm" fw={600}>
            {t('leads.convert.contact')}
          </Text>
          <SegmentedControl
            value={contactMode}
            onChange={(value) => setContactMode(value as ContactMode)}
            data={[
              {
                value: 'new',
                label: t('leads.convert.contactModes.new', { name: lead.contactName ?? lead.title }),
              },
              { value: 'existing', label: t('leads.convert.contactModes.existing') },
            ]}
          />
          {contactMode === 'existing' ? (
            <ContactPicker
              label={t('leads.convert.existingContact')}
              value={contactId}
              onChange={setContactId}
              error={errors.contactId}
            />
          ) : null}
          <Text size="sm" fw={600}>
            {t('leads.convert.deal')}
          </Text>
          <Group grow align="flex-start">
            <TextInput
              label={t('deals.fields.title')}
              value={title}
              onChange={(event) => setTitle(event.currentTarget.value)}
              error={errors['deal.title']}
            />
            <NumberInput
              label={t('deals.fields.amount')}
              value={amount}
              onChange={setAmount}
              min={0}
              thousandSeparator=" "
              suffix=" ₽"
              hideControls
              error={errors['deal.amount']}
            />
          </Group>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={convertLead.isPending} data-testid="convert-submit">
              {t('leads.convert.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
