import { ActionIcon, Badge, Button, Grid, Group, Paper, Table, Text, Title } from '@mantine/core';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import type { Product } from '@voronka/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDeleteProduct, usePriceLists, useProducts } from '../../features/products/api';
import { PriceListsEditor } from '../../features/products/components/PriceListsEditor';
import { ProductFormModal } from '../../features/products/components/ProductFormModal';
import { ConfirmModal } from '../../ui/ConfirmModal';
import { formatMoney } from '../../ui/format';
import { LoadError } from '../../ui/LoadError';
import { notifyError, notifySuccess } from '../../ui/notify';
import { PageLoader } from '../../ui/PageLoader';

/** The catalogue: price lists, and products with a price in each list. */
export function ProductsSettingsPage() {
  const { t } = useTranslation();
  const products = useProducts();
  const priceLists = usePriceLists();
  const deleteProduct = useDeleteProduct();
  const [editing, setEditing] = useState<Product | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Product | null>(null);

  if (products.isPending || priceLists.isPending) return <PageLoader />;
  if (products.isError) return <LoadError error={products.error} onRetry={() => void products.refetch()} />;
  if (priceLists.isError)
    return <LoadError error={priceLists.error} onRetry={() => void priceLists.refetch()} />;

  return (
    <Grid gap="md">
      <Grid.Col span={{ base: 12, md: 4 }}>
        <Paper withBorder p="md">
          <Title order={4} mb="sm">
            {t('catalogue.priceLists')}
          </Title>
          <PriceListsEditor priceLists={priceLists.data} />
        </Paper>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 8 }}>
        <Paper withBorder p="md">
          <Group justify="space-between" mb="sm">
            <Title order={4}>{t('catalogue.products')}</Title>
            <Button
              size="xs"
              leftSection={<IconPlus size={14} />}
              onClick={() => setEditing('new')}
              data-testid="new-product"
            >
              {t('catalogue.newProduct')}
            </Button>
          </Group>
          {products.data.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('catalogue.noProducts')}
            </Text>
          ) : (
            <Table.ScrollContainer minWidth={560}>
              <Table verticalSpacing="xs" data-testid="products-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('catalogue.name')}</Table.Th>
                    <Table.Th>{t('catalogue.vatRate')}</Table.Th>
                    {priceLists.data.map((list) => (
                      <Table.Th key={list.id}>{list.name}</Table.Th>
                    ))}
                    <Table.Th w={80} />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {products.data.map((product) => (
                    <Table.Tr key={product.id}>
                      <Table.Td>
                        <Group gap={6}>
                          <Text size="sm" fw={500}>
                            {product.name}
                          </Text>
                          {product.sku ? (
                            <Text size="xs" c="dimmed">
                              {product.sku}
                            </Text>
                          ) : null}
                          {product.active ? null : (
                            <Badge size="xs" color="gray" variant="light">
                              {t('catalogue.archived')}
                            </Badge>
                          )}
                        </Group>
                      </Table.Td>
                      <Table.Td>{product.vatRatePercent}%</Table.Td>
                      {priceLists.data.map((list) => {
                        const price = product.prices.find((item) => item.priceListId === list.id);
                        return (
                          <Table.Td key={list.id} style={{ whiteSpace: 'nowrap' }}>
                            {price ? `${formatMoney(price.price)} / ${product.unit}` : t('common.none')}
                          </Table.Td>
                        );
                      })}
                      <Table.Td>
                        <Group gap={2} wrap="nowrap">
                          <ActionIcon
                            variant="subtle"
                            onClick={() => setEditing(product)}
                            aria-label={t('common.edit')}
                          >
                            <IconPencil size={16} />
                          </ActionIcon>
                          <ActionIcon
                            variant="subtle"
                            color="red"
                            onClick={() => setDeleting(product)}
                            aria-label={t('common.delete')}
                          >
                            <IconTrash size={16} />
                          </ActionIcon>
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Paper>
      </Grid.Col>
      <ProductFormModal
        key={editing === null ? 'closed' : editing === 'new' ? 'new' : editing.id}
        product={editing}
        priceLists={priceLists.data}
        onClose={() => setEditing(null)}
      />
      <ConfirmModal
        question={deleting ? t('catalogue.deleteProductConfirm', { name: deleting.name }) : null}
        confirmLabel={t('common.delete')}
        loading={deleteProduct.isPending}
        onCancel={() => setDeleting(null)}
        onConfirm={() =>
          deleting &&
          deleteProduct.mutate(deleting.id, {
            onSuccess: () => notifySuccess(t('catalogue.productDeleted')),
            onError: notifyError,
            onSettled: () => setDeleting(null),
          })
        }
      />
    </Grid>
  );
}
