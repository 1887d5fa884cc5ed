import { registerEnumType } from 'type-graphql';

export enum IndustrySupportKind {
  /** 入股分红: a share in a cooperative (合作社), paying a dividend */
  COOPERATIVE_SHARE = 'COOPERATIVE_SHARE',
  /** 光伏收益: a dividend from a village solar station */
  SOLAR_DIVIDEND = 'SOLAR_DIVIDEND',
  /** 养殖: livestock given or subsidised */
  LIVESTOCK = 'LIVESTOCK',
  /** 种植: seedlings, crops, orchards */
  CROPS = 'CROPS',
  /** 扶贫车间: a workshop's dividend or start-up aid to the household */
  WORKSHOP = 'WORKSHOP',
  /** 扶贫小额信贷: a small poverty-alleviation loan */
  MICROCREDIT = 'MICROCREDIT',
  OTHER = 'OTHER',
}

registerEnumType(IndustrySupportKind, { name: 'IndustrySupportKind', description: 'Kind of industry support (产业帮扶), the production batch' });
