/**
 * Errors the GOV.UK way: one message per field, in plain Dutch, shown in a summary at the top
 * (which takes focus) and again beside the field. The API answers in English with a code and a
 * field path; this turns both into the words staff read.
 */
import { ApiProblem, type Issue } from '../api.js';

export interface FieldError {
  /** The id of the field the message belongs to (the summary links there). */
  field: string;
  message: string;
}

/** "registration.opensAt" → "f-registration-opensAt": the id the form gives that field. */
export const fieldId = (path: string) => `f-${path.replace(/\./g, '-')}`;

const BY_CODE: Record<string, string> = {
  reserved_over_capacity: 'Geef minder voorbehouden plaatsen dan er plaatsen zijn.',
  reserved_until_after_last_session: 'Geef de voorbehouden plaatsen vrij voor de laatste les begint.',
  kanspas_price_too_high: 'De prijs met kansenpas mag niet hoger zijn dan de gewone prijs.',
  age_range: 'De hoogste leeftijd moet minstens de laagste leeftijd zijn.',
  window_closes_before_open: 'Het inschrijven moet sluiten na het openen.',
  lottery_needs_close: 'Geef aan wanneer het inschrijven sluit. Een loting heeft dat nodig.',
  lottery_needs_draw_time: 'Geef aan wanneer de loting is.',
  draw_before_window_closes: 'De loting kan pas na het sluiten van het inschrijven.',
  draw_after_last_session: 'De loting moet voor de laatste les zijn.',
  draw_without_lottery: 'Alleen een loting heeft een lotingsmoment. Maak dit veld leeg.',
  cut_off_before_first_session: 'Laat aansluiten kan niet stoppen voor de eerste les.',
  cut_off_after_last_session: 'Laat aansluiten moet stoppen voor de laatste les begint.',
  session_ends_before_start: 'Een les moet eindigen na het begin.',
  expires_in_past: 'Kies een datum na vandaag.',
  email_taken: 'Er is al een account met dit e-mailadres.',
  password_too_short: 'Een wachtwoord heeft minstens 12 tekens.',
  contact_missing: 'Geef een telefoonnummer of een e-mailadres. Eén van de twee is genoeg.',
  phone_format: 'Geef een telefoonnummer met 9 tot 15 cijfers, zoals 0470 12 34 56.',
  email_format: 'Geef een e-mailadres zoals naam@voorbeeld.be.',
  child_first_name_required: 'Vul de voornaam van het kind in.',
  contact_name_required: 'Vul de naam van de ouder in.',
  birth_year_in_future: 'Het geboortejaar kan niet in de toekomst liggen.',
  organisation_required: 'Kies de organisatie.',
  password_wrong: 'Dit is niet je huidige wachtwoord.',
  password_required: 'Vul je huidige wachtwoord in.',
  slug_taken: 'Deze korte naam is al in gebruik. Kies een andere.',
  disable_self: 'Je kan je eigen account niet uitzetten. Vraag het aan een andere beheerder.',
  iban_invalid: 'Dit rekeningnummer klopt niet. Kopieer het opnieuw van een rekeninguittreksel, zoals BE68 5390 0754 7034.',
  iban_required: 'Geef het rekeningnummer waarop families overschrijven.',
  bic_invalid: 'Deze BIC klopt niet. Een BIC heeft 8 of 11 letters en cijfers, zoals GKCCBEBB.',
  beneficiary_required: 'Geef de naam van de rekeninghouder, zoals de bank die kent.',
  mollie_key_format: 'Een Mollie-sleutel begint met test_ of live_ en heeft daarna 30 letters en cijfers.',
  mollie_key_required: 'Online betalen heeft een Mollie-sleutel nodig.',
  secret_key_not_configured: 'De server kan de Mollie-sleutel niet veilig bewaren (INSTAP_SECRET_KEY ontbreekt). Vraag het aan wie Instap beheert.',
  payment_exceeds_due: 'Dat is meer dan wat nog te betalen is. Geef een kleiner bedrag.',
  nothing_to_waive: 'Er is niets meer te betalen om kwijt te schelden.',
  no_refund_due: 'Er is niets terug te betalen.',
  refund_exceeds_due: 'Dat is meer dan wat terug te betalen is.',
  nothing_due: 'Dit gezin moet niets meer betalen.',
  nothing_to_plan: 'Er is niets meer te betalen om in delen te splitsen.',
  plan_sum_mismatch: 'De delen moeten samen het bedrag zijn dat nog te betalen is.',
  plan_dates_order: 'Zet de delen op volgorde van datum, elk op een andere dag.',
  plan_date_past: 'Een deel kan niet in het verleden vallen. Kies een latere datum.',
  plan_amount: 'Geef elk deel een bedrag boven 0.',
  bank_line_used: 'Deze lijn is al geboekt.',
  foreign_currency: 'Deze lijn is niet in euro. Boek ze niet in Instap.',
  statement_too_large: 'Dit bestand is groter dan 2 MB. Exporteer een kortere periode bij je bank.',
  statement_not_xml: 'Dit is geen CAMT.053-bestand (XML). Kies bij je bank het formaat CAMT.053 of "gecodeerde uittreksels".',
  unsupported_media_type: 'Dit is geen CAMT.053-bestand (XML).',
  statement_not_camt053: 'Dit is geen CAMT.053-bestand. Kies bij je bank het formaat CAMT.053.',
  statement_doctype: 'Dit bestand bevat onderdelen die we niet lezen. Exporteer het opnieuw bij je bank.',
  statement_unreadable: 'We kunnen dit bestand niet lezen. Exporteer het opnieuw bij je bank.',
  statement_other_account: 'Dit uittreksel hoort bij een andere rekening dan die van je organisatie.',
};

/** When the code says only "too small" or "wrong type", the field says what is missing. */
const BY_FIELD: [RegExp, string][] = [
  [/^title$/, 'Vul de titel in.'],
  [/^location$/, 'Vul de plaats in.'],
  [/^capacity$/, 'Geef het aantal plaatsen, minstens 1.'],
  [/^reservedPlaces$/, 'Geef het aantal voorbehouden plaatsen (0 of meer).'],
  [/^priceCents$/, 'Geef de prijs in euro, zoals 40 of 12,50.'],
  [/^kanspasCents$/, 'Geef de prijs met kansenpas in euro, zoals 8 of 2,50.'],
  [/^registration\.opensAt$/, 'Geef aan wanneer het inschrijven opent.'],
  [/^sessions$/, 'Voeg minstens één les toe.'],
  [/^sessions\.\d+\.startsAt$/, 'Geef de datum en het uur waarop de les begint.'],
  [/^sessions\.\d+\.endsAt$/, 'Geef de datum en het uur waarop de les eindigt.'],
  [/^allowedOrigins/, 'Geef een website als https://www.club.be, zonder pad.'],
  [/^phone$/, 'Geef een telefoonnummer met 9 tot 15 cijfers.'],
  [/^email$/, 'Geef een e-mailadres zoals naam@club.be.'],
  [/^name$/, 'Vul de naam in.'],
  [/^password$/, 'Vul je wachtwoord in.'],
  [/^newPassword$/, 'Een wachtwoord heeft minstens 12 tekens.'],
  [/^slug$/, 'Geef een korte naam met kleine letters, cijfers en streepjes, zoals zwemclub-kortrijk.'],
  [/^familyAgreed$/, 'Vink aan dat het gezin akkoord is.'],
  [/^children\.\d+\.firstName$/, 'Vul de voornaam van het kind in.'],
  [/^children\.\d+\.birthYear$/, 'Geef het geboortejaar van het kind, zoals 2016.'],
  [/^contact\.name$/, 'Vul de naam van de ouder in.'],
  [/^contact\.phone$/, 'Geef een telefoonnummer of een e-mailadres.'],
  [/^expiresAt$/, 'Kies tot wanneer de link werkt.'],
  [/^maxUses$/, 'Geef hoeveel keer de link mag dienen (1 tot 500).'],
  [/Percent$/, 'Geef een percentage van 0 tot 100.'],
  [/^methods$/, 'Kies minstens één manier om te betalen.'],
  [/^dueDays$/, 'Geef het aantal dagen, van 0 tot 365.'],
  [/^beneficiary$/, 'Geef de naam van de rekeninghouder (hoogstens 70 tekens).'],
  [/^deskInfo$/, 'Schrijf hoogstens 300 tekens over de balie.'],
  [/^amountCents$/, 'Geef een bedrag in euro, meer dan 0, zoals 40 of 12,50.'],
  [/^note$/, 'Schrijf waarom, voor je collega’s.'],
];

export function dutch(issue: Issue): string {
  if (issue.code && BY_CODE[issue.code]) return BY_CODE[issue.code]!;
  return BY_FIELD.find(([re]) => re.test(issue.path))?.[1] ?? issue.message;
}

/** A failure as field errors; `formField` names the field for errors that belong to no field. */
export function toFieldErrors(e: unknown, formField: string): FieldError[] {
  if (e instanceof ApiProblem && e.issues.length) {
    const seen = new Set<string>();
    return e.issues
      .map((i) => ({ field: fieldId(i.path || formField), message: dutch(i) }))
      .filter((f) => (seen.has(f.field) ? false : (seen.add(f.field), true)));
  }
  return [{ field: formField.startsWith('f-') ? formField : fieldId(formField), message: problemText(e) }];
}

export function problemText(e: unknown): string {
  if (!(e instanceof ApiProblem)) return 'Er ging iets mis. Probeer het opnieuw.';
  const byCode: Record<string, string> = {
    too_many_requests: 'Je probeerde het te vaak. Wacht 15 minuten of vraag een link per e-mail.',
    invalid_credentials: 'Het e-mailadres of het wachtwoord klopt niet.',
    link_not_valid: 'Deze link werd al gebruikt of is ouder dan 15 minuten. Vraag een nieuwe link.',
    csrf_failed: 'Laad de pagina opnieuw en probeer nog eens.',
    forbidden: 'Je rol laat dit niet toe. Vraag het aan een beheerder.',
    registration_closed: 'Het inschrijven is gesloten.',
    registration_not_open: 'Het inschrijven is nog niet open.',
    slug_taken: 'Deze korte naam is al in gebruik.',
    network: e.message,
  };
  return byCode[e.code] ?? BY_CODE[e.code] ?? e.message;
}
