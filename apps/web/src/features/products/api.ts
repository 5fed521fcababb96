import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreateProductBody,
  PriceList as PriceListSchema,
  Product,
  UpdateProductBody,
} from '@voronka/domain';
import type { z } from 'zod';
import { api, type ListResponse, type OkResponse } from '../../api/client';

export type PriceList = z.infer<typeof PriceListSchema>;

export const productKeys = {
  products: ['products'] as const,
  priceLists: ['price-lists'] as const,
};

export function useProducts() {
  return useQuery({
    queryKey: productKeys.products,
    queryFn: () => api.get<ListResponse<Product>>('/products'),
    select: (response) => response.items,
    staleTime: 60_000,
  });
}

export function usePriceLists() {
  return useQuery({
    queryKey: productKeys.priceLists,
    queryFn: () => api.get<ListResponse<PriceList>>('/price-lists'),
    select: (response) => response.items,
    staleTime: 60_000,
  });
}

function useInvalidateCatalogue() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: productKeys.products });
    void queryClient.invalidateQueries({ queryKey: productKeys.priceLists });
  };
}

export function useSavePriceList() {
  const invalidate = useInvalidateCatalogue();
  return useMutation({
    mutationFn: ({ id, name, position }: { id?: string; name: string; position: number }) =>
      id
        ? api.put<PriceList>(`/price-lists/${id}`, { name, position })
        : api.post<PriceList>('/price-lists', { name, position }),
    onSuccess: invalidate,
  });
}

export function useDeletePriceList() {
  const invalidate = useInvalidateCatalogue();
  return useMutation({
    mutationFn: (id: string) => api.delete<OkResponse>(`/price-lists/${id}`),
    onSuccess: invalidate,
  });
}

export function useCreateProduct() {
  const invalidate = useInvalidateCatalogue();
  return useMutation({
    mutationFn: (body: z.input<typeof CreateProductBody>) => api.post<Product>('/products', body),
    onSuccess: invalidate,
  });
}

export function useUpdateProduct() {
  const invalidate = useInvalidateCatalogue();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: z.input<typeof UpdateProductBody> }) =>
      api.patch<Product>(`/products/${id}`, body),
    onSuccess: invalidate,
  });
}

export function useDeleteProduct() {
  const invalidate = useInvalidateCatalogue();
  return useMutation({
    mutationFn: (id: string) => api.delete<OkResponse>(`/products/${id}`),
    onSuccess: invalidate,
  });
}
