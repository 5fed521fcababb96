import { ActionIcon, Button, Checkbox, Group, NumberInput, Paper, Select, Stack, Text } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import type { Deal } from '@voronka/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DealProduct } from '../../../api/types';
import { formatMoney } from '../../../ui/format';
import { notifySuccess } from '../../../ui/notify';
import { useFieldErrors } from '../../../ui/use-field-errors';
import { usePriceLists, useProducts } from '../../products/api';
import { useUpdateDeal } from '../api';
import {
  lineFromProduct,
  lineFromSaved,
  linesToBody,
  type ProductLine,
  previewTotals,
  priceIn,
} from '../product-lines';

type Props = {
  deal: Deal;
  saved: DealProduct[];
};

let nextKey = 0;

/**
 * The deal's product lines: a catalogue product at its price in the chosen list, quantity, discount
 * and VAT. Saving replaces the lines, and the server sets the deal's amount to their total.
 */
export function ProductLinesEditor({ deal, saved }: Props) {
  const { t } = useTranslation();
  const products = useProducts();
  const priceLists = usePriceLists();
  const updateDeal = useUpdateDeal();
  const { errors, handleError, setErrors } = useFieldErrors();
  const [lines, setLines] = useState<ProductLine[]>(() => saved.map(lineFromSaved));
  const [dirty, setDirty] = useState(false);
  const [priceListId, setPriceListId] = useState<string | null>(null);
  const listId = priceListId ?? priceLists.data?.[0]?.id ?? null;
  const catalogue = (products.data ?? []).filter((product) => product.active);

  const edit = (next: ProductLine[]) => {
    setLines(next);
    setDirty(true);
  };
  const update = (key: string, patch: Partial<ProductLine>) =>
    edit(lines.map((line) => (line.key === key ? { ...line, ...patch } : line)));
  const add = (productId: string | null) => {
    const product = catalogue.find((item) => item.id === productId);
    if (product) edit([...lines, lineFromProduct(product, listId, `new-${nextKey++}`)]);
  };
  // Another price list re-prices the lines whose product has a price there.
  const choosePriceList = (id: string | null) => {
    setPriceListId(id);
    if (!id) return;
    edit(
      lines.map((line) => {
        const product = catalogue.find((item) => item.id === line.productId);
        const price = product ? priceIn(product, id) : null;
        return price === null ? line : { ...line, price };
      }),
    );
  };
  const save = () =>
    updateDeal.mutate(
      { id: deal.id, body: { products: linesToBody(lines) } },
      {
        onSuccess: () => {
          setDirty(false);
          setErrors({});
          notifySuccess(t('products.lines.saved'));
        },
        onError: handleError,
      },
    );

  const totals = lines.map((line, i) => {
    const savedLine = saved[i];
    // Saved lines show the server's totals; edited ones a preview computed the same way.
    return !dirty && savedLine ? { total: savedLine.total, vat: savedLine.vat } : previewTotals(line);
  });
  const sum = totals.reduce((acc, line) => ({ total: acc.total + line.total, vat: acc.vat + line.vat }), {
    total: 0,
    vat: 0,
  });

  return (
    <Stack gap="sm" data-testid="product-lines">
      <Group gap="sm" align="flex-end">
        <Select
          label={t('products.lines.priceList')}
          data={(priceLists.data ?? []).map((list) => ({ value: list.id, label: list.name }))}
          value={listId}
          onChange={choosePriceList}
          w={220}
          allowDeselect={false}
        />
        <Select
          label={t('products.lines.add')}
          placeholder={t('products.lines.pickProduct')}
          data={catalogue.map((product) => ({ value: product.id, label: product.name }))}
          value={null}
          onChange={add}
          searchable
          w={280}
          nothingFoundMessage={t('products.lines.noProducts')}
          leftSection={<IconPlus size={14} />}
          data-testid="add-product-line"
        />
      </Group>
      {lines.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('products.lines.empty')}
        </Text>
      ) : (
        <Stack gap="xs" data-testid="product-lines-table">
          {lines.map((line, i) => {
            const error = (field: string) => errors[`products.${i}.${field}`];
            const number = (
              field: 'price' | 'quantity' | 'discountPercent' | 'vatRatePercent',
              label: string,
            ) => ({
              label,
              value: line[field],
              onChange: (value: number | string) =>
                update(line.key, { [field]: typeof value === 'number' ? value : 0 }),
              error: error(field),
              size: 'xs' as const,
              hideControls: true,
              min: 0,
            });
            return (
              <Paper key={line.key} withBorder radius="md" p="xs" data-testid="product-line">
                <Group justify="space-between" wrap="nowrap" align="flex-start" mb={6}>
                  <Stack gap={0} miw={0}>
                    <Text size="sm" fw={500}>
                      {line.name}
                    </Text>
                    {error('productId') ? (
                      <Text size="xs" c="red">
                        {error('productId')}
                      </Text>
                    ) : null}
                  </Stack>
                  <Group gap={6} wrap="nowrap">
                    <Stack gap={0} align="flex-end">
                      <Text
                        size="sm"
                        fw={600}
                        style={{ whiteSpace: 'nowrap' }}
                        data-testid="product-line-total"
                      >
                        {formatMoney(totals[i]?.total ?? 0)}
                      </Text>
                      <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                        {t('products.lines.vatAmount', { amount: formatMoney(totals[i]?.vat ?? 0) })}
                      </Text>
                    </Stack>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      onClick={() => edit(lines.filter((item) => item.key !== line.key))}
                      aria-label={t('common.remove')}
                    >
                      <IconTrash size={16} />
                    </ActionIcon>
                  </Group>
                </Group>
                <Group gap="xs" align="flex-end">
                  <NumberInput
                    {...number('price', t('products.lines.price'))}
                    thousandSeparator=" "
                    decimalScale={2}
                    w={110}
                  />
                  <NumberInput
                    {...number('quantity', t('products.lines.quantity'))}
                    decimalScale={3}
                    w={80}
                  />
                  <NumberInput
                    {...number('discountPercent', t('products.lines.discount'))}
                    max={100}
                    suffix="%"
                    w={80}
                  />
                  <NumberInput
                    {...number('vatRatePercent', t('products.lines.vatRate'))}
                    max={100}
                    suffix="%"
                    allowDecimal={false}
                    w={70}
                  />
                  <Checkbox
                    label={t('products.lines.vatIncluded')}
                    checked={line.vatIncluded}
                    onChange={(event) => update(line.key, { vatIncluded: event.currentTarget.checked })}
                    size="xs"
                    mb={6}
                  />
                </Group>
              </Paper>
            );
          })}
        </Stack>
      )}
      <Group justify="space-between">
        <Text size="sm" fw={600} data-testid="product-lines-total">
          {t('products.lines.sum', { total: formatMoney(sum.total), vat: formatMoney(sum.vat) })}
        </Text>
        {dirty ? (
          <Group gap="xs">
            <Button
              variant="default"
              onClick={() => {
                setLines(saved.map(lineFromSaved));
                setDirty(false);
              }}
            >
              {t('common.cancel')}
            </Button>
            <Button onClick={save} loading={updateDeal.isPending} data-testid="save-product-lines">
              {t('common.save')}
            </Button>
          </Group>
        ) : null}
      </Group>
    </Stack>
  );
}
