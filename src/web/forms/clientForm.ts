import type { Request } from 'express';
import { body } from 'express-validator';
import type { Translate } from '../../i18n/catalogue.js';
import type { ClientCountry, ClientDetails } from '../../repositories/clientRepository.js';
import { readSimpleForm, type SimpleFormResult } from './simpleForm.js';

export const CLIENT_COUNTRIES: readonly ClientCountry[] = ['GE', 'AZ', 'GE_AZ'];

/** The limits the clients table checks too (migration 0008). */
export const CLIENT_LIMITS = { name: 200, sector: 120, contactName: 120, contactEmail: 254, contactPhone: 40 } as const;

export const CLIENT_FIELDS = ['name', 'country', 'sector', 'contactName', 'contactEmail', 'contactPhone'] as const;

/** Digits, spaces and the punctuation phone numbers are written with: +995 32 2 00 00 00, (012) 498-00-00. */
const PHONE = /^[0-9+()\-. ]*$/;

function optionalText(field: string, max: number, t: Translate) {
  return body(field)
    .optional()
    .isString()
    .withMessage(t('practice.client.error.text'))
    .bail()
    .trim()
    .isLength({ max })
    .withMessage(t('practice.client.error.tooLong', { max }));
}

function chains(t: Translate) {
  return [
    body('name')
      .isString()
      .withMessage(t('practice.client.error.name'))
      .bail()
      .trim()
      .notEmpty()
      .withMessage(t('practice.client.error.name'))
      .bail()
      .isLength({ max: CLIENT_LIMITS.name })
      .withMessage(t('practice.client.error.tooLong', { max: CLIENT_LIMITS.name })),
    body('country').isString().bail().isIn(CLIENT_COUNTRIES).withMessage(t('practice.client.error.country')),
    optionalText('sector', CLIENT_LIMITS.sector, t),
    optionalText('contactName', CLIENT_LIMITS.contactName, t),
    optionalText('contactEmail', CLIENT_LIMITS.contactEmail, t)
      .bail()
      .if((value: string) => value.length > 0)
      .isEmail()
      .withMessage(t('practice.client.error.email')),
    optionalText('contactPhone', CLIENT_LIMITS.contactPhone, t).bail().matches(PHONE).withMessage(t('practice.client.error.phone')),
  ];
}

type ClientFormData = Record<(typeof CLIENT_FIELDS)[number], string | undefined>;

/** The client form: name and country required; an empty optional field is stored as nothing. */
export async function readClientForm(req: Request, t: Translate): Promise<SimpleFormResult<ClientDetails>> {
  const result = await readSimpleForm<ClientFormData>(req, CLIENT_FIELDS, chains(t));
  if (!result.ok) return result;
  const { name, country, sector, contactName, contactEmail, contactPhone } = result.data;
  const optional = (key: keyof ClientDetails, value: string | undefined) => (value ? { [key]: value } : {});
  return {
    ok: true,
    data: {
      name: name ?? '',
      country: country as ClientCountry,
      ...optional('sector', sector),
      ...optional('contactName', contactName),
      ...optional('contactEmail', contactEmail),
      ...optional('contactPhone', contactPhone),
    },
  };
}
