import { registerEnumType } from 'type-graphql';

export enum RegionLevel {
  PROVINCE = 'PROVINCE',
  CITY = 'CITY',
  COUNTY = 'COUNTY',
  TOWNSHIP = 'TOWNSHIP',
  VILLAGE = 'VILLAGE',
}

registerEnumType(RegionLevel, { name: 'RegionLevel' });
