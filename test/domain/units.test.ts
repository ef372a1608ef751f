/** Values read with their units for the aid thresholds (src/domain/units.ts, issue 12 item 2). */
import { describe, expect, it } from '@jest/globals';
import {
  readControllerClass,
  readEnergyClass,
  readQuantity,
  type QuantityId,
} from '../../src/domain/units.js';

describe('readQuantity', () => {
  it.each<[unknown, QuantityId, number | undefined]>([
    [7, 'thermal_resistance', 7],
    ['7,5 m².K/W', 'thermal_resistance', 7.5],
    ['7 (m²·K)/W', 'thermal_resistance', 7],
    ['300 mm', 'thermal_resistance', undefined],
    ['0,035 W/m.K', 'thermal_resistance', undefined],
    [200, 'thermal_resistance', undefined],
    ['1,3 W/m².K', 'u_value', 1.3],
    ['0,42', 'solar_factor', 0.42],
    ['42 %', 'solar_factor', 0.42],
    [42, 'solar_factor', undefined],
    ['126 %', 'percent', 126],
    [126, 'percent', 126],
    ['1,26', 'percent', 126],
    [0.88, 'percent', 88],
    [1, 'percent', undefined],
    [5, 'percent', undefined],
    ['4,1', 'coefficient', 4.1],
    ['4,1 kW', 'coefficient', undefined],
    ['8 kW', 'power_kw', 8],
    ['350 litres', 'litres', 350],
    ['3 m3', 'litres', undefined],
    ['7 m2', 'area_m2', 7],
    ['620 W/m²', 'surface_power', 620],
    ['450 kWh/m²', 'surface_power', undefined],
    ['1 600 mg/Nm³', 'emission', 1600],
    ['98 mgC/Nm3', 'emission', 98],
    ['environ 7', 'thermal_resistance', undefined],
    [null, 'percent', undefined],
  ])('%j as %s → %s', (raw, quantity, expected) => {
    expect(readQuantity(raw, quantity)?.value).toBe(expected);
  });

  it('says when a ratio was read as a percentage', () => {
    expect(readQuantity('1,05', 'percent')).toEqual({ value: 105, fromRatio: 1.05 });
    expect(readQuantity('105 %', 'percent')).toEqual({ value: 105 });
  });
});

describe('classes', () => {
  it('reads energy and controller classes as printed', () => {
    expect(readEnergyClass('classe A+')).toBe('A+');
    expect(readEnergyClass('b')).toBe('B');
    expect(readEnergyClass('A plus')).toBeUndefined();
    expect(readControllerClass('classe vi')).toBe('VI');
    expect(readControllerClass('6')).toBeUndefined();
  });
});
