// The fixture's quarter figures, counted by hand from test/fixtures/reports/ (never from the report code).
export const kinds = (individual: number, collective: number, model: number, practice: number) => ({ individual, collective, model, practice });
// don-vi-bon is marked `submits: false`: always 0, never to follow up.
export const units = (mot: number, hai: number, ba: number) => ({ "don-vi-mot": mot, "don-vi-hai": hai, "don-vi-ba": ba, "don-vi-bon": 0 });
export const wards = (mot: number, hai: number) => ({ "xa-mot": mot, "xa-hai": hai });
export const fields = (kinhTe: number, giaoDuc: number) => ({ "kinh-te": kinhTe, "giao-duc": giaoDuc });
export const types = (giaoLuu: number, phatThanh: number) => ({ "giao-luu": giaoLuu, "phat-thanh": phatThanh });
export const channels = (congTin: number, loa: number) => ({ "cong-tin": congTin, loa });

export const EXPECTED: Record<string, unknown> = {
  "2018-Q3": {
    period: "2018-Q3",
    from: "2018-07-01",
    to: "2018-09-30",
    exemplars: { total: 1, byKind: kinds(0, 1, 0, 0), byUnit: units(0, 1, 0), byWard: wards(0, 0), byField: fields(1, 0), slugs: ["cuoi-quy-ba"] },
    activities: { total: 0, byType: types(0, 0), byChannel: channels(0, 0), slugs: [] },
    plans: { total: 0, slugs: [] },
    bulletins: { total: 0, ids: [] },
    unitsWithoutExemplars: ["don-vi-mot", "don-vi-ba"],
  },
  "2018-Q4": {
    period: "2018-Q4",
    from: "2018-10-01",
    to: "2018-12-31",
    exemplars: {
      total: 2,
      byKind: kinds(1, 1, 0, 0),
      byUnit: units(1, 1, 0),
      byWard: wards(1, 1),
      byField: fields(1, 1),
      slugs: ["dau-quy-bon", "cuoi-quy-bon"],
    },
    activities: { total: 1, byType: types(0, 1), byChannel: channels(0, 1), slugs: ["loa-dem-giao-thua"] },
    plans: { total: 1, slugs: ["05-kh-btg"] },
    bulletins: { total: 1, ids: ["2018-01"] },
    unitsWithoutExemplars: ["don-vi-ba"],
  },
  "2019-Q1": {
    period: "2019-Q1",
    from: "2019-01-01",
    to: "2019-03-31",
    exemplars: {
      total: 2,
      byKind: kinds(0, 0, 1, 1),
      byUnit: units(1, 1, 0),
      byWard: wards(1, 0),
      byField: fields(1, 1),
      slugs: ["dau-quy-mot", "cuoi-quy-mot"],
    },
    activities: {
      total: 3,
      byType: types(2, 1),
      byChannel: channels(2, 1),
      slugs: ["loa-sang-mung-mot", "giao-luu-new-york", "giao-luu-lap-dang"],
    },
    plans: { total: 0, slugs: [] },
    bulletins: { total: 1, ids: ["2019-01"] },
    unitsWithoutExemplars: ["don-vi-ba"],
  },
  "2019-Q2": {
    period: "2019-Q2",
    from: "2019-04-01",
    to: "2019-06-30",
    exemplars: { total: 1, byKind: kinds(1, 0, 0, 0), byUnit: units(1, 0, 0), byWard: wards(1, 0), byField: fields(1, 0), slugs: ["dau-quy-hai"] },
    activities: { total: 1, byType: types(1, 0), byChannel: channels(0, 0), slugs: ["giao-luu-utc"] },
    plans: { total: 0, slugs: [] },
    bulletins: { total: 1, ids: ["2019-03"] },
    unitsWithoutExemplars: ["don-vi-hai", "don-vi-ba"],
  },
  "2019-Q3": {
    period: "2019-Q3",
    from: "2019-07-01",
    to: "2019-09-30",
    exemplars: { total: 0, byKind: kinds(0, 0, 0, 0), byUnit: units(0, 0, 0), byWard: wards(0, 0), byField: fields(0, 0), slugs: [] },
    activities: { total: 1, byType: types(0, 1), byChannel: channels(0, 1), slugs: ["nua-dem-dau-quy-ba"] },
    plans: { total: 0, slugs: [] },
    bulletins: { total: 0, ids: [] },
    unitsWithoutExemplars: ["don-vi-mot", "don-vi-hai", "don-vi-ba"],
  },
  "2020-Q1": {
    period: "2020-Q1",
    from: "2020-01-01",
    to: "2020-03-31",
    exemplars: { total: 0, byKind: kinds(0, 0, 0, 0), byUnit: units(0, 0, 0), byWard: wards(0, 0), byField: fields(0, 0), slugs: [] },
    activities: { total: 0, byType: types(0, 0), byChannel: channels(0, 0), slugs: [] },
    plans: { total: 0, slugs: [] },
    bulletins: { total: 0, ids: [] },
    unitsWithoutExemplars: ["don-vi-mot", "don-vi-hai", "don-vi-ba"],
  },
};

