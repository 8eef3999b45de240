import { notFound } from '../common/app-error';

export const JobErrors = {
  notFound: (id: string, field = 'id') => notFound('Job', id, field),
};
