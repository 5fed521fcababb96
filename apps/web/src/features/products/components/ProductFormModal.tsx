import {
  Button,
  Checkbox,
  Group,
  Modal,
  NumberInput,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import type { Product } from '@voronka/domain';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../../ui/notify';
import { useFieldErrors } from '../../../ui/use-field-errors';
import { type PriceList, useCreateProduct, useUpdateProduct } from '../api';

type Props = {
  /** The product to edit, 'new' to create one, null while closed. */
  product: Product | 'new' | null;
  priceLists: PriceList[];
  onClose: () => void;
};

/** A product and its price in each price list (blank: not sold in that list). */
export function ProductFormModal({ product, priceLists, onClose }: Props) {
  const { t } = useTranslation();
  const existing = product !== 'new' && product !== null ? product : null;
  const createProduct = useCreateProduct();
  const updateProduct = useUpdateProduct();
  const { errors, setErrors, handleError } = useFieldErrors();
  const [name, setName] = useState(existing?.name ?? '');
  const [sku, setSku] = useState(existing?.sku ?? '');
  const [unit, setUnit] = useState(existing?.unit ?? t('catalogue.defaultUnit'));
  const [vat, setVat] = useState<number | string>(existing?.vatRatePercent ?? 22);
  const [active, setActive] = useState(existing?.active ?? true);
  const [prices, setPrices] = useState<Record<string, number | string>>(() =>
    Object.fromEntries((existing?.prices ?? []).map((price) => [price.priceListId, price.price])),
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) {
      setErrors({ name: t('validation.required') });
      return;
    }
    const body = {
      name: name.trim(),
      sku: sku.trim() || null,
      unit: unit.trim() || t('catalogue.defaultUnit'),
      vatRatePercent: typeof vat === 'number' ? vat : 0,
      active,
      prices: priceLists.flatMap((list) => {
        const price = prices[list.id];
        return typeof price === 'number' ? [{ priceListId: list.id, price }] : [];
      }),
    };
    const done = {
      onSuccess: () => {
        notifySuccess(t('catalogue.productSaved'));
        onClose();
      },
      onError: handleError,
    };
    if (existing) updateProduct.mutate({ id: existing.id, body }, done);
    else createProduct.mutate(body, done);
  };

  return (
    <Modal
      opened={product !== null}
      onClose={onClose}
      title={existing ? t('catalogue.editProduct') : t('catalogue.newProduct')}
    >
      <form onSubmit={submit} noValidate data-testid="product-form">
        <Stack gap="sm">
          <TextInput
            label={t('catalogue.name')}
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={errors.name}
            required
            data-autofocus
          />
          <SimpleGrid cols={3} spacing="sm">
            <TextInput
              label={t('catalogue.sku')}
              value={sku}
              onChange={(event) => setSku(event.currentTarget.value)}
              error={errors.sku}
            />
            <TextInput
              label={t('catalogue.unit')}
              value={unit}
              onChange={(event) => setUnit(event.currentTarget.value)}
              error={errors.unit}
            />
            <NumberInput
              label={t('catalogue.vatRate')}
              value={vat}
              onChange={setVat}
              min={0}
              max={100}
              suffix="%"
              allowDecimal={false}
              error={errors.vatRatePercent}
            />
          </SimpleGrid>
          <Text size="sm" fw={500}>
            {t('catalogue.prices')}
          </Text>
          {priceLists.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('catalogue.noPriceLists')}
            </Text>
          ) : (
            <SimpleGrid cols={2} spacing="sm">
              {priceLists.map((list, index) => (
                <NumberInput
                  key={list.id}
                  label={list.name}
                  value={prices[list.id] ?? ''}
                  onChange={(value) => setPrices({ ...prices, [list.id]: value })}
                  min={0}
                  decimalScale={2}
                  thousandSeparator=" "
                  suffix=" ₽"
                  hideControls
                  error={errors[`prices.${index}.price`]}
                />
              ))}
            </SimpleGrid>
          )}
          <Checkbox
            label={t('catalogue.active')}
            checked={active}
            onChange={(event) => setActive(event.currentTarget.checked)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={createProduct.isPending || updateProduct.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
