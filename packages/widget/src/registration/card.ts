/** The activity, before any question: what, when, where, the price with kanspas, and how to get in. */
import { html, nothing, type TemplateResult } from 'lit';
import { bringList, callLine, date, heading, money, whenWhere } from '../ui.js';
import { STEPS, type InstapRegistration } from './registration.js';

const drawDate = (r: InstapRegistration) => {
  const g = r.data!.registration;
  return date(r.m, g.drawAt ?? g.closesAt ?? g.opensAt);
};

/** The activity, before any question: what, when, where, the price with kanspas, and how to get in. */
export function activityCard(r: InstapRegistration) {
  const a = r.data!;
  const m = r.m;
  const { phase, closesAt } = a.registration;
  const o = a.organisation;
  const std = r.price(false, 1).children[0].cents;
  const kp = r.price(true, 1).children[0].cents;
  const full = a.placesLeft <= 0;
  const reserved = a.reservedPlaces > 0 && a.reservedPlacesLeft > 0 ? html`<p>${m.reservedLeft(a.reservedPlacesLeft)}</p>` : nothing;
  const closes = closesAt ? html`<p>${m.closesAt(date(m, closesAt))}</p>` : nothing;
  const how: TemplateResult =
    phase === 'first-come'
      ? html`<p>${full ? m.full : m.placesLeft(a.placesLeft)}</p>
          ${reserved}
          <p>${m.firstCome}</p>
          ${closes}`
      : phase === 'lottery'
        ? html`<p>${m.lottery(drawDate(r))}</p>
            <p>${m.lotteryFair}</p>
            ${closes} ${reserved}`
        : // Not open, closed, or waiting for the draw: a next step, never a dead end.
          html`${phase === 'not-open'
              ? html`<p>${m.notOpen(date(m, a.registration.opensAt, true))}</p>
                  ${reserved} ${callLine(m.callQuestions(o.name), o.phone)}`
              : html`<p>${phase === 'awaiting-draw' ? m.awaitingDraw(drawDate(r)) : m.closed}</p>
                  ${callLine(m.callToJoin(o.name), o.phone)}`}
            ${r.interestButton()}`;

  return html`${r.canRegister ? html`<p class="caption">${m.step(1, STEPS.length)}</p>` : nothing}
    ${heading(a.title)} ${a.summary ? html`<p class="summary">${a.summary}</p>` : nothing}
    ${a.ageMin != null || a.ageMax != null ? html`<p>${m.ages(a.ageMin, a.ageMax)}</p>` : nothing} ${whenWhere(m, a)}
    <h3>${m.cost}</h3>
    <div class="box">
      ${std === 0
        ? html`<p>${m.free}</p>`
        : html`<p><strong>${m.perChild(money(m, std))}</strong></p>
            ${kp < std ? html`<p><strong>${m.kanspasPrice(money(m, kp), money(m, std))}</strong></p>` : nothing}`}
      ${a.sessionsToCome > 0 && a.sessionsToCome < a.sessions.length ? html`<p>${m.seriesStarted(a.sessionsToCome)}</p>` : nothing}
    </div>
    <h3>${m.how}</h3>
    ${how} ${bringList(m, a)}
    ${r.canRegister
      ? html`<button type="button" class="primary" part="button" @click=${() => r.go('children')}>
          ${phase === 'first-come' && full ? m.startWaitlist : m.start}
        </button>`
      : nothing}`;
}

